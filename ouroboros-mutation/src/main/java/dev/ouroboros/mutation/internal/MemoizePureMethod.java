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
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
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
 * "holder"), and stores what it computed there before returning it.
 *
 * <p>The target class gains no field, method or constructor (only locals, a label and constant-pool
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
 *       saving; a one-line body would only get slower).
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
        String result = RegionScope.freshName("memoResult", used);
        String label = RegionScope.freshName("memo", used);
        PrimitiveType type = (PrimitiveType) method.getType();
        for (ReturnStmt r : body.findAll(ReturnStmt.class)) {
            replaceReturn(r, result, label);
        }
        List<String> parts = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            String t = p.getType().asString();
            parts.add(t.equals("double") ? "Double.doubleToRawLongBits(" + p.getNameAsString() + ")"
                    : t.equals("float") ? "Float.floatToRawIntBits(" + p.getNameAsString() + ")" : p.getNameAsString());
        }
        NodeList<Statement> original = new NodeList<>(body.getStatements());
        String h = site.holder();
        BlockStmt wrapper = StaticJavaParser.parseBlock("{\n"
                + "java.util.List<Object> " + key + " = java.util.Arrays.asList(new Object[] {" + String.join(", ", parts) + "});\n"
                + "Object " + hit + " = " + h + ".get(" + key + ");\n"
                + "if (" + hit + " != " + h + ".MISS) {\n return (" + type.toBoxedType() + ") " + hit + ";\n}\n"
                + type + " " + result + ";\n"
                + label + ": {\n}\n"
                + h + ".put(" + key + ", " + result + ");\n"
                + "return " + result + ";\n}");
        BlockStmt inner = (BlockStmt) ((LabeledStmt) wrapper.getStatement(4)).getStatement();
        body.getStatements().clear();
        original.forEach(inner::addStatement);
        new ArrayList<>(wrapper.getStatements()).forEach(body::addStatement);
        body.findCompilationUnit().orElseThrow().addType(holder(method, h));
    }

    /** {@code return e;} becomes {@code result = e; break label;}. */
    private static void replaceReturn(ReturnStmt r, String result, String label) {
        Statement assign = StaticJavaParser.parseStatement(result + " = 0;");
        assign.asExpressionStmt().getExpression().asAssignExpr().setValue(r.getExpression().orElseThrow().clone());
        Statement jump = StaticJavaParser.parseStatement("break " + label + ";");
        Node parent = r.getParentNode().orElseThrow();
        NodeList<Statement> list = parent instanceof BlockStmt b ? b.getStatements()
                : parent instanceof SwitchEntry e ? e.getStatements() : null;
        if (list != null) {
            int at = list.indexOf(r);
            list.set(at, assign);
            list.add(at + 1, jump);
        } else {
            r.replace(new BlockStmt(new NodeList<>(assign, jump)));
        }
    }

    private static ClassOrInterfaceDeclaration holder(MethodDeclaration method, String name) {
        String signature = method.getNameAsString() + "(" + String.join(", ",
                method.getParameters().stream().map(p -> p.getType().asString()).toList()) + ")";
        return StaticJavaParser.parse("/**\n"
                + " * Memo table of {@code " + signature + "}, made by Ouroboros' memoize-pure-method operator: at most\n"
                + " * " + SLOTS + " entries (a new entry replaces the one in its slot), no argument longer than " + MAX_KEY_CHARS
                + "\n * characters, safe to share between threads. Exceptions are never stored.\n */\n"
                + "final class " + name + " {\n\n"
                + "    /** What {@code get} answers for arguments it does not hold. */\n"
                + "    static final Object MISS = new Object();\n\n"
                + "    private static final java.util.concurrent.atomic.AtomicReferenceArray<Object[]> TABLE =\n"
                + "            new java.util.concurrent.atomic.AtomicReferenceArray<>(" + SLOTS + ");\n\n"
                + "    private " + name + "() {\n    }\n\n"
                + "    static Object get(java.util.List<Object> key) {\n"
                + "        Object[] entry = TABLE.get(slot(key));\n"
                + "        return entry != null && entry[0].equals(key) ? entry[1] : MISS;\n"
                + "    }\n\n"
                + "    static void put(java.util.List<Object> key, Object value) {\n"
                + "        for (Object part : key) {\n"
                + "            if (part instanceof String && ((String) part).length() > " + MAX_KEY_CHARS + ") {\n"
                + "                return;\n"
                + "            }\n"
                + "        }\n"
                + "        TABLE.set(slot(key), new Object[] {key, value});\n"
                + "    }\n\n"
                + "    private static int slot(Object key) {\n"
                + "        int h = key.hashCode();\n"
                + "        return (h ^ (h >>> 16)) & " + (SLOTS - 1) + ";\n"
                + "    }\n"
                + "}\n").getType(0).asClassOrInterfaceDeclaration();
    }
}
