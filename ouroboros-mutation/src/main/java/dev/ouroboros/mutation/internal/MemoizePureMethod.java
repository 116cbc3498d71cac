package dev.ouroboros.mutation.internal;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Memoizes a pure static method: its body first looks the arguments up in a bounded, thread-safe
 * table that lives in a new package-private top-level class of the same compilation unit (the
 * "holder"), and every {@code return e;} becomes {@code return Holder.put(key, e);}, which stores
 * the answer and returns it. No statement of the original body moves.
 *
 * <p>The target class gains no field, method or constructor (only two locals and constant-pool
 * references to the holder), so it stays redefinable; the holder is a new class, which {@code
 * redefineClasses} cannot add by itself (see docs/operators.md). Preconditions, checked:
 * <ul>
 *   <li>the method is {@code static}, not {@code synchronized}, not generic, declared directly in a
 *       named class, interface, enum or record, with no other method of the same name in that type;
 *   <li>it returns a primitive (a cached object would be the same object on every call, where the
 *       original may return a new one each time: {@code ==} could tell);
 *   <li>its parameters are primitives, {@code String}s or boxed integral, {@code Character} or
 *       {@code Boolean} values — immutable, compared by value; {@code double} / {@code float}
 *       arguments are keyed by their raw bits, so {@code -0.0} and {@code 0.0}, and NaNs with
 *       different payloads, never share an entry;
 *   <li>its body is proven pure by {@link PureBody} and holds a loop or a call of itself (work worth
 *       saving; a one-line body would only get slower); no {@code try} of the body has a
 *       {@code finally} (it could throw or return after an answer was stored).
 * </ul>
 * An exception is never stored: the body runs again on the next call with the same arguments and
 * throws again. The table has 1,024 slots (a new entry replaces the one in its slot) and ignores
 * arguments longer than 256 characters, so its memory is bounded.
 */
public final class MemoizePureMethod extends PointOperator<MemoizePureMethod.Site> {

    static final int SLOTS = 1024;
    static final int MAX_KEY_CHARS = 256;

    public MemoizePureMethod() {
        super("memoize-pure-method",
                "a pure static method looks its arguments up in a bounded memo table kept in a new helper class",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MODERATE);
    }

    @Override
    public boolean addsHelperClass() {
        return true;
    }

    /** The method to memoize and the name of its holder class. */
    record Site(MethodDeclaration method, String holder) {
    }

    @Override
    List<Site> points(BlockStmt body) {
        if (!(body.getParentNode().orElse(null) instanceof MethodDeclaration method) || !fits(method, body)) {
            return List.of();
        }
        String holder = holderName(method);
        CompilationUnit unit = body.findCompilationUnit().orElse(null);
        if (unit == null || holder == null || unit.findFirst(TypeDeclaration.class, t -> t.getNameAsString().equals(holder)).isPresent()
                || unit.getImports().stream().anyMatch(i -> i.getName().getIdentifier().equals(holder))
                || RegionScope.identifiers(body).contains(holder)) {
            return List.of();
        }
        return List.of(new Site(method, holder));
    }

    private static boolean fits(MethodDeclaration method, BlockStmt body) {
        if (!method.isStatic() || method.isSynchronized() || !method.getTypeParameters().isEmpty()
                || !(method.getType() instanceof PrimitiveType) || !method.getType().getAnnotations().isEmpty()
                || !(method.getParentNode().orElse(null) instanceof TypeDeclaration<?> type) || !named(type)) {
            return false;
        }
        for (Parameter p : method.getParameters()) {
            if (p.isVarArgs() || !PureBody.valueType(p.getType(), body, false)) {
                return false;
            }
        }
        if (type.getMethodsByName(method.getNameAsString()).size() != 1) {
            return false;
        }
        boolean selfCalls = body.findFirst(MethodCallExpr.class, c -> PureBody.isSelfCall(c, method)).isPresent();
        // A class that extends another may inherit a static overload an unqualified call would reach.
        if (selfCalls && type instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.getExtendedTypes().isEmpty()) {
            return false;
        }
        boolean loops = body.findFirst(Statement.class, s -> s instanceof ForStmt || s instanceof WhileStmt
                || s instanceof DoStmt).isPresent();
        return (loops || selfCalls) && PureBody.proven(method, body);
    }

    /** True for a type declared at top level or as a member of such types, never in a body. */
    private static boolean named(TypeDeclaration<?> type) {
        for (Node n = type; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CompilationUnit) {
                return true;
            }
            if (!(n instanceof TypeDeclaration<?>)) {
                return false;
            }
        }
        return false;
    }

    /** {@code Outer_Inner_method_Memo}: the enclosing type names, the method, a suffix. */
    private static String holderName(MethodDeclaration method) {
        StringBuilder name = new StringBuilder("_" + method.getNameAsString() + "_Memo");
        for (Node n = method.getParentNode().orElse(null); n instanceof TypeDeclaration<?> t; n = t.getParentNode().orElse(null)) {
            name.insert(0, "_" + t.getNameAsString());
        }
        return name.length() > 1 ? name.substring(1) : null;
    }

    @Override
    void rewrite(BlockStmt body, Site site, RandomGenerator random) {
        MethodDeclaration method = site.method();
        Set<String> used = RegionScope.identifiers(body);
        String key = RegionScope.freshName("memoKey", used);
        String hit = RegionScope.freshName("memoHit", used);
        String h = site.holder();
        PrimitiveType type = (PrimitiveType) method.getType();
        // Each answer is stored right where it is returned: no statement of the body moves.
        for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
            MethodCallExpr store = StaticJavaParser.parseExpression(h + ".put(" + key + ", 0)").asMethodCallExpr();
            store.setArgument(1, r.getExpression().orElseThrow().clone());
            r.setExpression(store);
        }
        List<String> parts = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            String t = p.getType().asString();
            parts.add(t.equals("double") ? "Double.doubleToRawLongBits(" + p.getNameAsString() + ")"
                    : t.equals("float") ? "Float.floatToRawIntBits(" + p.getNameAsString() + ")" : p.getNameAsString());
        }
        NodeList<Statement> statements = body.getStatements();
        statements.add(0, StaticJavaParser.parseStatement("java.util.List<Object> " + key
                + " = java.util.Arrays.asList(new Object[] {" + String.join(", ", parts) + "});"));
        statements.add(1, StaticJavaParser.parseStatement("Object " + hit + " = " + h + ".get(" + key + ");"));
        statements.add(2, StaticJavaParser.parseStatement("if (" + hit + " != " + h + ".MISS) {\n    return ("
                + type.toBoxedType() + ") " + hit + ";\n}"));
        body.findCompilationUnit().orElseThrow().addType(holder(method, h, type));
    }

    private static ClassOrInterfaceDeclaration holder(MethodDeclaration method, String name, PrimitiveType type) {
        String signature = method.getNameAsString() + "(" + String.join(", ",
                method.getParameters().stream().map(p -> p.getType().asString()).toList()) + ")";
        ClassOrInterfaceDeclaration holder = StaticJavaParser.parse("final class " + name + " {\n\n"
                + "    /** What {@code get} answers for arguments it does not hold. */\n"
                + "    static final Object MISS = new Object();\n\n"
                + "    private static final java.util.concurrent.atomic.AtomicReferenceArray<Object[]> TABLE =\n"
                + "            new java.util.concurrent.atomic.AtomicReferenceArray<>(" + SLOTS + ");\n\n"
                + "    private " + name + "() {\n    }\n\n"
                + "    static Object get(java.util.List<Object> key) {\n"
                + "        Object[] entry = TABLE.get(slot(key));\n"
                + "        return entry != null && entry[0].equals(key) ? entry[1] : MISS;\n"
                + "    }\n\n"
                + "    /** Stores the answer for these arguments and returns it. */\n"
                + "    static " + type + " put(java.util.List<Object> key, " + type + " value) {\n"
                + "        for (Object part : key) {\n"
                + "            if (part instanceof String && ((String) part).length() > " + MAX_KEY_CHARS + ") {\n"
                + "                return value;\n"
                + "            }\n"
                + "        }\n"
                + "        TABLE.set(slot(key), new Object[] {key, value});\n"
                + "        return value;\n"
                + "    }\n\n"
                + "    private static int slot(Object key) {\n"
                + "        int h = key.hashCode();\n"
                + "        return (h ^ (h >>> 16)) & " + (SLOTS - 1) + ";\n"
                + "    }\n"
                + "}\n").getType(0).asClassOrInterfaceDeclaration();
        holder.setJavadocComment("\n * Memo table of {@code " + signature + "}, made by Ouroboros' memoize-pure-method"
                + " operator:\n * at most " + SLOTS + " entries (a new entry replaces the one in its slot), no argument"
                + " longer than " + MAX_KEY_CHARS + "\n * characters, safe to share between threads. Exceptions are never"
                + " stored.\n ");
        return holder;
    }
}
