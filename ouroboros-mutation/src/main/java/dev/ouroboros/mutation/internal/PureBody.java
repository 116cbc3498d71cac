package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, conservatively and from the syntax alone, whether a static method's body computes its
 * result from its arguments only: the precondition of {@code memoize-pure-method}.
 *
 * <p>Every node of the body must be of a kind listed here; anything else (a lambda, an array, a field,
 * {@code this}, an object creation, a call not on the list, {@code synchronized}, {@code assert}, a
 * class declared in the body ...) makes the body "not proven pure". Values are primitives,
 * {@code String}s and boxed primitives, all immutable. Names must be the method's parameters or
 * locals of those types (so no field is read or written, and assignments only change locals). Calls
 * are the method itself (unqualified, with no overload of its name in the class) or JDK methods of
 * final classes that only look at their arguments and are deterministic: {@code Math}/{@code
 * StrictMath}, the static helpers of the boxed types, {@code String.valueOf}, and {@code String}'s
 * own content methods — never a locale-dependent one ({@code toUpperCase()}, {@code format}).
 * {@code ==} and {@code !=} only where one side is {@code null} or provably primitive, so no result
 * depends on the identity of an argument (two equal strings share one memo entry). Exceptions may be
 * thrown ({@code new} of a few {@code java.lang} exceptions) and caught, but no {@code Error}: a
 * caught {@code StackOverflowError} would make the result depend on the stack depth; no
 * {@code finally}, which runs after the memoized method stored its answer.
 */
final class PureBody {

    /** What a whitelisted method returns: a primitive, a {@code String}. */
    private enum Returns { PRIMITIVE, STRING }

    private static final Map<String, Returns> STRING_METHODS = Map.ofEntries(
            Map.entry("length", Returns.PRIMITIVE), Map.entry("isEmpty", Returns.PRIMITIVE),
            Map.entry("isBlank", Returns.PRIMITIVE), Map.entry("charAt", Returns.PRIMITIVE),
            Map.entry("codePointAt", Returns.PRIMITIVE), Map.entry("indexOf", Returns.PRIMITIVE),
            Map.entry("lastIndexOf", Returns.PRIMITIVE), Map.entry("startsWith", Returns.PRIMITIVE),
            Map.entry("endsWith", Returns.PRIMITIVE), Map.entry("contains", Returns.PRIMITIVE),
            Map.entry("equals", Returns.PRIMITIVE), Map.entry("equalsIgnoreCase", Returns.PRIMITIVE),
            Map.entry("compareTo", Returns.PRIMITIVE), Map.entry("compareToIgnoreCase", Returns.PRIMITIVE),
            Map.entry("hashCode", Returns.PRIMITIVE), Map.entry("matches", Returns.PRIMITIVE),
            Map.entry("regionMatches", Returns.PRIMITIVE), Map.entry("substring", Returns.STRING),
            Map.entry("trim", Returns.STRING), Map.entry("strip", Returns.STRING), Map.entry("concat", Returns.STRING),
            Map.entry("replace", Returns.STRING), Map.entry("repeat", Returns.STRING),
            Map.entry("toString", Returns.STRING));

    private static final Set<String> MATH = Set.of("abs", "max", "min", "floor", "ceil", "rint", "round", "signum",
            "sqrt", "cbrt", "pow", "exp", "log", "log10", "hypot", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
            "toRadians", "toDegrees", "floorDiv", "floorMod", "addExact", "subtractExact", "multiplyExact",
            "negateExact", "incrementExact", "decrementExact", "toIntExact", "copySign");
    private static final Set<String> INTEGRAL = Set.of("parseInt", "parseLong", "compare", "compareUnsigned",
            "bitCount", "numberOfLeadingZeros", "numberOfTrailingZeros", "highestOneBit", "lowestOneBit", "reverse",
            "reverseBytes", "rotateLeft", "rotateRight", "signum", "divideUnsigned", "remainderUnsigned", "max", "min",
            "sum", "hashCode", "parseShort", "parseByte", "toUnsignedInt", "toUnsignedLong");
    private static final Set<String> CHARACTER = Set.of("isDigit", "isLetter", "isLetterOrDigit", "isAlphabetic",
            "isWhitespace", "isSpaceChar", "isUpperCase", "isLowerCase", "toUpperCase", "toLowerCase", "digit",
            "forDigit", "getNumericValue", "compare", "isHighSurrogate", "isLowSurrogate", "isSurrogate", "charCount",
            "toCodePoint", "isValidCodePoint", "isBmpCodePoint", "isSupplementaryCodePoint", "hashCode");
    private static final Set<String> FLOATING = Set.of("compare", "isNaN", "isInfinite", "isFinite",
            "doubleToLongBits", "doubleToRawLongBits", "longBitsToDouble", "floatToIntBits", "floatToRawIntBits",
            "intBitsToFloat", "sum", "max", "min", "hashCode", "parseDouble", "parseFloat");
    private static final Set<String> BOOLEAN = Set.of("parseBoolean", "compare", "logicalAnd", "logicalOr",
            "logicalXor", "hashCode");
    /** Static methods returning a primitive, by class. */
    private static final Map<String, Set<String>> STATIC_PRIMITIVE = Map.of("Math", MATH, "StrictMath", MATH,
            "Integer", INTEGRAL, "Long", INTEGRAL, "Short", INTEGRAL, "Byte", INTEGRAL, "Character", CHARACTER,
            "Double", FLOATING, "Float", FLOATING, "Boolean", BOOLEAN);
    /** Static methods returning a {@code String}, by class. */
    private static final Map<String, Set<String>> STATIC_STRING = Map.of("String", Set.of("valueOf"),
            "Integer", Set.of("toString", "toBinaryString", "toHexString", "toOctalString"),
            "Long", Set.of("toString", "toBinaryString", "toHexString", "toOctalString"),
            "Character", Set.of("toString"), "Boolean", Set.of("toString"), "Double", Set.of("toString"),
            "Float", Set.of("toString"));
    /** The value types: immutable, with value equality. */
    static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "Long", "Short", "Byte", "Character",
            "Boolean", "Double", "Float");
    private static final Set<String> EXCEPTIONS = Set.of("IllegalArgumentException", "IllegalStateException",
            "ArithmeticException", "IndexOutOfBoundsException", "StringIndexOutOfBoundsException",
            "NumberFormatException", "UnsupportedOperationException", "NullPointerException");

    private final MethodDeclaration method;
    private final BlockStmt body;

    private PureBody(MethodDeclaration method, BlockStmt body) {
        this.method = method;
        this.body = body;
    }

    /** True when every node of the static method's body is proven free of side effects and of state. */
    static boolean proven(MethodDeclaration method, BlockStmt body) {
        PureBody check = new PureBody(method, body);
        return body.stream().allMatch(check::allowed);
    }

    /** True for an unqualified call of the method itself, with its number of arguments. */
    static boolean isSelfCall(MethodCallExpr call, MethodDeclaration method) {
        return call.getScope().isEmpty() && call.getNameAsString().equals(method.getNameAsString())
                && call.getArguments().size() == method.getParameters().size() && call.getTypeArguments().isEmpty();
    }

    /** True for a primitive type, or {@code String} / a boxed type that means the {@code java.lang} one. */
    static boolean valueType(Type type, BlockStmt body, boolean boxedFloatingAllowed) {
        if (type instanceof PrimitiveType) {
            return type.getAnnotations().isEmpty();
        }
        if (!(type instanceof ClassOrInterfaceType t) || t.getTypeArguments().isPresent() || !t.getAnnotations().isEmpty()) {
            return false;
        }
        String name = t.getNameWithScope().startsWith("java.lang.") ? t.getNameWithScope().substring(10) : t.getNameWithScope();
        if (!boxedFloatingAllowed && (name.equals("Double") || name.equals("Float"))) {
            return false;
        }
        return VALUE_TYPES.contains(name) && (t.getScope().isPresent() || !RegionScope.shadowsJdkType(body, name, "java.lang." + name));
    }

    private boolean allowed(Node n) {
        if (n == body || n instanceof Comment || n instanceof SimpleName || n instanceof Name
                || n instanceof com.github.javaparser.ast.Modifier || n instanceof PrimitiveType || n instanceof LiteralExpr
                || n instanceof BlockStmt || n instanceof ExpressionStmt || n instanceof IfStmt || n instanceof ForStmt
                || n instanceof WhileStmt || n instanceof DoStmt || n instanceof SwitchStmt || n instanceof SwitchEntry
                || n instanceof SwitchExpr || n instanceof YieldStmt || n instanceof ReturnStmt || n instanceof BreakStmt
                || n instanceof ContinueStmt || n instanceof LabeledStmt || n instanceof EmptyStmt
                || n instanceof EnclosedExpr || n instanceof ConditionalExpr || n instanceof UnionType) {
            return true;
        }
        if (n instanceof ClassOrInterfaceType t) {
            // Judged where the type is used (declaration, cast, catch, throw); only their names are seen here.
            return t.getTypeArguments().isEmpty();
        }
        if (n instanceof VariableDeclarationExpr || n instanceof VariableDeclarator d && valueType(d.getType(), body, true)) {
            return true;
        }
        if (n instanceof CastExpr cast) {
            return valueType(cast.getType(), body, true);
        }
        if (n instanceof BinaryExpr b) {
            return b.getOperator() != BinaryExpr.Operator.EQUALS && b.getOperator() != BinaryExpr.Operator.NOT_EQUALS
                    || identityFree(b.getLeft()) || identityFree(b.getRight());
        }
        if (n instanceof UnaryExpr u) {
            return !SafeExpression.STEPS.contains(u.getOperator()) || isLocal(u.getExpression());
        }
        if (n instanceof AssignExpr a) {
            return isLocal(a.getTarget());
        }
        if (n instanceof NameExpr name) {
            return isValue(name) || isClassName(name);
        }
        if (n instanceof FieldAccessExpr f) {
            // Constants such as Integer.MAX_VALUE: a JDK class name, an upper-case static final field.
            return f.getScope() instanceof NameExpr scope && isClassName(scope)
                    && f.getNameAsString().matches("[A-Z][A-Z0-9_]*");
        }
        if (n instanceof MethodCallExpr call) {
            return returns(call).isPresent();
        }
        if (n instanceof ThrowStmt t) {
            return t.getExpression() instanceof ObjectCreationExpr;
        }
        if (n instanceof ObjectCreationExpr o) {
            String type = o.getType().getNameWithScope();
            return o.getParentNode().orElse(null) instanceof ThrowStmt && o.getAnonymousClassBody().isEmpty()
                    && o.getScope().isEmpty() && o.getTypeArguments().isEmpty() && EXCEPTIONS.contains(type)
                    && !RegionScope.shadowsJdkType(body, type, "java.lang." + type);
        }
        if (n instanceof TryStmt t) {
            // A finally block could throw, or return another answer, after the answer was stored.
            return t.getResources().isEmpty() && t.getFinallyBlock().isEmpty();
        }
        if (n instanceof CatchClause c) {
            return c.getParameter().getType().asString().matches("[\\w.| ]*")
                    && java.util.Arrays.stream(c.getParameter().getType().asString().split("\\|"))
                            .map(String::strip).allMatch(s -> s.endsWith("Exception"));
        }
        if (n instanceof Parameter p) {
            return p.getParentNode().orElse(null) instanceof CatchClause;
        }
        return false;
    }

    /** True for a parameter or local of a value type: something that holds a value, never a field. */
    private boolean isValue(NameExpr name) {
        if (name.getParentNode().orElse(null) instanceof FieldAccessExpr) {
            return false;
        }
        Optional<Type> type = RegionScope.localType(name, body);
        // A catch parameter's type is an exception type: not a value type, so never a value here.
        return type.isPresent() && valueType(type.get(), body, true);
    }

    private boolean isLocal(Expression target) {
        return target instanceof NameExpr name && isValue(name);
    }

    /** True for the name of a whitelisted JDK class used as the scope of a call or constant. */
    private boolean isClassName(NameExpr name) {
        Node parent = name.getParentNode().orElse(null);
        boolean scope = parent instanceof MethodCallExpr call && call.getScope().orElse(null) == name
                || parent instanceof FieldAccessExpr f && f.getScope() == name;
        String s = name.getNameAsString();
        return scope && (STATIC_PRIMITIVE.containsKey(s) || STATIC_STRING.containsKey(s))
                && !RegionScope.declarationCounts(body).containsKey(s)
                && !RegionScope.shadowsJdkType(body, s, "java.lang." + s);
    }

    /** What a call returns, when it is a call this check accepts; empty otherwise. */
    private Optional<Returns> returns(MethodCallExpr call) {
        if (call.getTypeArguments().isPresent()) {
            return Optional.empty();
        }
        if (isSelfCall(call, method)) {
            return Optional.of(Returns.PRIMITIVE);
        }
        String name = call.getNameAsString();
        Expression scope = call.getScope().orElse(null);
        if (scope instanceof NameExpr type && isClassName(type)) {
            String s = type.getNameAsString();
            if (STATIC_PRIMITIVE.getOrDefault(s, Set.of()).contains(name)) {
                return Optional.of(Returns.PRIMITIVE);
            }
            return STATIC_STRING.getOrDefault(s, Set.of()).contains(name) ? Optional.of(Returns.STRING) : Optional.empty();
        }
        return scope != null && isString(scope) ? Optional.ofNullable(STRING_METHODS.get(name)) : Optional.empty();
    }

    /** True when the expression is provably a {@code String} (so its methods are {@code String}'s own). */
    private boolean isString(Expression e) {
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
            return true;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return isString(enclosed.getInner());
        }
        if (e instanceof NameExpr name) {
            return isValue(name) && RegionScope.localType(name, body).map(Type::asString)
                    .filter(t -> t.equals("String") || t.equals("java.lang.String")).isPresent();
        }
        if (e instanceof MethodCallExpr call) {
            return returns(call).filter(r -> r == Returns.STRING).isPresent();
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return isString(b.getLeft()) || isString(b.getRight());
        }
        return false;
    }

    /** True when comparing with this operand cannot compare identities: {@code null} or a primitive. */
    private boolean identityFree(Expression e) {
        return e instanceof NullLiteralExpr || isPrimitive(e);
    }

    private boolean isPrimitive(Expression e) {
        if (e instanceof LiteralExpr) {
            return !(e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr || e instanceof NullLiteralExpr);
        }
        if (e instanceof EnclosedExpr enclosed) {
            return isPrimitive(enclosed.getInner());
        }
        if (e instanceof NameExpr name) {
            return isValue(name) && RegionScope.localType(name, body).filter(PrimitiveType.class::isInstance).isPresent();
        }
        if (e instanceof CastExpr cast) {
            return cast.getType() instanceof PrimitiveType;
        }
        if (e instanceof UnaryExpr u) {
            return !SafeExpression.STEPS.contains(u.getOperator()) || isPrimitive(u.getExpression());
        }
        if (e instanceof BinaryExpr b) {
            return b.getOperator() != BinaryExpr.Operator.PLUS || isPrimitive(b.getLeft()) && isPrimitive(b.getRight());
        }
        if (e instanceof ConditionalExpr c) {
            return isPrimitive(c.getThenExpr()) && isPrimitive(c.getElseExpr());
        }
        return e instanceof MethodCallExpr call && returns(call).filter(r -> r == Returns.PRIMITIVE).isPresent();
    }
}
