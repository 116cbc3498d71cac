package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Rewrites repeated {@code s += x} inside a loop into appends to a {@link StringBuilder}.
 *
 * <p>Each {@code s += x} copies the whole string built so far, so a loop of n steps costs O(n²);
 * the builder makes it O(n). The rewrite keeps behaviour because of the preconditions checked here:
 * <ul>
 *   <li>{@code s} is a local {@code String} declared once in the method with a provably non-null
 *       initializer, and every other {@code s = e} in the method is provably non-null, so
 *       {@code new StringBuilder(s)} cannot throw where {@code s + x} would have printed "null";</li>
 *   <li>inside the loop (header, condition, nested loops and lambdas included) {@code s} is used
 *       only as the target of statements {@code s += x;} whose {@code x} is provably a
 *       {@code String}, so nobody sees the string while it is stale and {@code append(String)} is
 *       the overload chosen (never {@code append(char[])});</li>
 *   <li>the loop sits directly in a block, not inside a {@code try} of the method (an exception
 *       caught there would see {@code s} without the appends) and no labelled
 *       {@code break}/{@code continue} leaves it (that would skip the copy-back).</li>
 * </ul>
 * The result declares {@code StringBuilder sBuilder = new StringBuilder(s);} before the loop, turns
 * each {@code s += x;} into {@code sBuilder.append(x);} and copies back with
 * {@code s = sBuilder.toString();} after it. It adds no field, method or lambda, so the class stays
 * hot-swappable. One point per loop: the outermost loop that qualifies for a variable takes it, and
 * all variables that qualify at that loop are rewritten together.
 */
public final class StringBuilderInLoop implements MutationOperator {

    @Override
    public String name() {
        return "string-builder-in-loop";
    }

    @Override
    public String description() {
        return "Replaces 's += x' on a local String inside a loop with appends to a StringBuilder";
    }

    @Override
    public OperatorKind kind() {
        return OperatorKind.SEMANTICS_PRESERVING;
    }

    @Override
    public MutationSeverity severity() {
        return MutationSeverity.MINOR;
    }

    @Override
    public int countPoints(BlockStmt body) {
        return sites(body).size();
    }

    @Override
    public void apply(BlockStmt body, int index, RandomGenerator random) {
        List<Site> sites = sites(body);
        Objects.checkIndex(index, sites.size());
        rewrite(body, sites.get(index));
    }

    /** A loop and the variables rewritten at it, in declaration order. */
    private record Site(Statement loop, List<String> variables) {
    }

    private static List<Site> sites(BlockStmt body) {
        List<String> variables = candidateVariables(body);
        List<Site> sites = new ArrayList<>();
        if (variables.isEmpty()) {
            return sites;
        }
        Map<Statement, List<String>> qualified = new IdentityHashMap<>();
        for (Statement loop : body.findAll(Statement.class, StringBuilderInLoop::isLoop)) {
            if (!loopQualifies(loop, body)) {
                continue;
            }
            List<String> here = new ArrayList<>();
            for (String v : variables) {
                if (variableQualifies(v, loop, body) && !takenByEnclosingLoop(v, loop, qualified)) {
                    here.add(v);
                }
            }
            if (!here.isEmpty()) {
                qualified.put(loop, here);
                sites.add(new Site(loop, List.copyOf(here)));
            }
        }
        return sites;
    }

    private static boolean isLoop(Statement s) {
        return s instanceof ForStmt || s instanceof ForEachStmt || s instanceof WhileStmt || s instanceof DoStmt;
    }

    private static boolean loopQualifies(Statement loop, BlockStmt body) {
        if (!(loop.getParentNode().orElse(null) instanceof BlockStmt)) {
            return false;
        }
        if (RegionScope.hasAncestor(loop, body, TryStmt.class) || RegionScope.inNestedClass(loop, body)) {
            return false;
        }
        return !leavesByLabel(loop);
    }

    /** True when a labelled break or continue inside the loop targets a label outside it. */
    private static boolean leavesByLabel(Statement loop) {
        Set<String> inner = new HashSet<>();
        loop.findAll(LabeledStmt.class).forEach(l -> inner.add(l.getLabel().getIdentifier()));
        boolean breaks = loop.findAll(BreakStmt.class).stream()
                .anyMatch(b -> b.getLabel().map(l -> !inner.contains(l.getIdentifier())).orElse(false));
        boolean continues = loop.findAll(ContinueStmt.class).stream()
                .anyMatch(c -> c.getLabel().map(l -> !inner.contains(l.getIdentifier())).orElse(false));
        return breaks || continues;
    }

    private static boolean takenByEnclosingLoop(String v, Statement loop, Map<Statement, List<String>> qualified) {
        for (Map.Entry<Statement, List<String>> e : qualified.entrySet()) {
            if (RegionScope.isAncestor(e.getKey(), loop) && e.getValue().contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** Local String variables declared once, with a non-null initializer, only ever assigned non-null values. */
    private static List<String> candidateVariables(BlockStmt body) {
        if (RegionScope.shadowsJdkType(body, "String", "java.lang.String")) {
            return List.of();
        }
        Map<String, Integer> declarations = RegionScope.declarationCounts(body);
        List<String> out = new ArrayList<>();
        for (VariableDeclarator d : body.findAll(VariableDeclarator.class)) {
            String name = d.getNameAsString();
            if (declarations.get(name) != 1 || RegionScope.inNestedClass(d, body)
                    || !(d.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) {
                continue;
            }
            boolean typed = d.getType().isVarType() || isStringType(d.getType().asString());
            if (!typed || !d.getInitializer().map(StringExpressions::isNonNullString).orElse(false)) {
                continue;
            }
            boolean allAssignmentsNonNull = body.findAll(AssignExpr.class).stream()
                    .filter(a -> a.getTarget() instanceof NameExpr n && n.getNameAsString().equals(name))
                    .allMatch(a -> a.getOperator() == AssignExpr.Operator.PLUS
                            || a.getOperator() == AssignExpr.Operator.ASSIGN
                                    && StringExpressions.isNonNullString(a.getValue()));
            if (allAssignmentsNonNull) {
                out.add(name);
            }
        }
        return out;
    }

    private static boolean isStringType(String type) {
        return type.equals("String") || type.equals("java.lang.String");
    }

    private static boolean variableQualifies(String v, Statement loop, BlockStmt body) {
        Optional<VariableDeclarator> declaration = body.findFirst(VariableDeclarator.class,
                d -> d.getNameAsString().equals(v));
        if (declaration.isEmpty() || RegionScope.isAncestor(loop, declaration.get())) {
            return false;
        }
        List<NameExpr> uses = loop.findAll(NameExpr.class, n -> n.getNameAsString().equals(v));
        if (uses.isEmpty()) {
            return false;
        }
        for (NameExpr use : uses) {
            if (!(use.getParentNode().orElse(null) instanceof AssignExpr assign)
                    || assign.getTarget() != use
                    || assign.getOperator() != AssignExpr.Operator.PLUS
                    || !(assign.getParentNode().orElse(null) instanceof ExpressionStmt)
                    || !StringExpressions.isString(assign.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static void rewrite(BlockStmt body, Site site) {
        Statement loop = site.loop();
        BlockStmt block = (BlockStmt) loop.getParentNode().orElseThrow();
        Set<String> used = RegionScope.identifiers(body);
        List<Statement> before = new ArrayList<>();
        List<Statement> after = new ArrayList<>();
        for (String v : site.variables()) {
            String builder = RegionScope.freshName(v + "Builder", used);
            before.add(new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(
                    new ClassOrInterfaceType(null, "StringBuilder"), builder,
                    new ObjectCreationExpr(null, new ClassOrInterfaceType(null, "StringBuilder"),
                            new NodeList<>(new NameExpr(v)))))));
            for (NameExpr use : loop.findAll(NameExpr.class, n -> n.getNameAsString().equals(v))) {
                AssignExpr assign = (AssignExpr) use.getParentNode().orElseThrow();
                Expression value = assign.getValue();
                assign.replace(new MethodCallExpr(new NameExpr(builder), "append", new NodeList<>(value)));
            }
            after.add(new ExpressionStmt(new AssignExpr(new NameExpr(v),
                    new MethodCallExpr(new NameExpr(builder), "toString"), AssignExpr.Operator.ASSIGN)));
        }
        int at = indexOf(block, loop);
        block.getStatements().addAll(at + 1, after);
        block.getStatements().addAll(at, before);
    }

    private static int indexOf(BlockStmt block, Statement statement) {
        NodeList<Statement> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == statement) {
                return i;
            }
        }
        throw new IllegalStateException("loop is not a statement of its parent block");
    }
}
