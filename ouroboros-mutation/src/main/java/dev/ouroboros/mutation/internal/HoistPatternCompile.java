package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * Hoists {@code Pattern.compile("literal")} out of loops: the regex is compiled once, before the
 * outermost enclosing loop, instead of on every iteration.
 *
 * <p>Preconditions: {@code Pattern} is {@code java.util.regex.Pattern} (imported, not shadowed);
 * the arguments are a string literal or text block and optionally flags made of integer literals
 * and {@code Pattern.X} constants joined by {@code |}; the regex compiles now, with those flags, so
 * the hoisted call cannot throw even when the loop would not have run; the compiled pattern is only
 * the receiver of a call ({@code Pattern.compile(re).matcher(s)}), so no one can see that the
 * instances are now shared (a {@code Pattern} is immutable and thread-safe); and no lambda or class
 * lies between the call and the loop it leaves (a capture would change a synthetic method's
 * signature). The local is named {@code pattern} (made unique) and declared just before the
 * outermost enclosing loop that sits directly in a block.
 */
public final class HoistPatternCompile extends PointOperator<HoistPatternCompile.Hoist> {

    public HoistPatternCompile() {
        super("hoist-pattern-compile",
                "Moves Pattern.compile(\"literal\") out of loops into a local compiled once",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, Hoist hoist, RandomGenerator random) {
        String name = RegionScope.freshName("pattern", RegionScope.identifiers(body));
        BlockStmt block = (BlockStmt) hoist.loop().getParentNode().orElseThrow();
        MethodCallExpr call = hoist.call();
        // Detach the call before giving it a new parent: replacing a child clears its parent.
        call.replace(new NameExpr(name));
        Statement declaration = new ExpressionStmt(new VariableDeclarationExpr(new VariableDeclarator(
                new ClassOrInterfaceType(null, "Pattern"), name, call)));
        NodeList<Statement> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == hoist.loop()) {
                statements.add(i, declaration);
                return;
            }
        }
        throw new IllegalStateException("loop is not a statement of its parent block");
    }

    record Hoist(MethodCallExpr call, Statement loop) {
    }

    @Override
    List<Hoist> points(BlockStmt body) {
        List<Hoist> out = new ArrayList<>();
        if (!patternImported(body) || RegionScope.declarationCounts(body).containsKey("Pattern")) {
            return out;
        }
        for (MethodCallExpr call : body.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("compile"))) {
            if (isConstantCompile(call) && call.getParentNode().orElse(null) instanceof MethodCallExpr user
                    && user.getScope().orElse(null) == call) {
                Statement loop = outermostLoop(call, body);
                if (loop != null) {
                    out.add(new Hoist(call, loop));
                }
            }
        }
        return out;
    }

    private static boolean patternImported(BlockStmt body) {
        CompilationUnit unit = body.findCompilationUnit().orElse(null);
        if (unit == null || RegionScope.shadowsJdkType(body, "Pattern", "java.util.regex.Pattern")) {
            return false;
        }
        return unit.getImports().stream().anyMatch(i -> !i.isStatic()
                && (i.isAsterisk() ? i.getNameAsString().equals("java.util.regex")
                        : i.getNameAsString().equals("java.util.regex.Pattern")));
    }

    private static boolean isConstantCompile(MethodCallExpr call) {
        if (!(call.getScope().orElse(null) instanceof NameExpr scope) || !scope.getNameAsString().equals("Pattern")) {
            return false;
        }
        NodeList<Expression> args = call.getArguments();
        if (args.isEmpty() || args.size() > 2) {
            return false;
        }
        String regex;
        if (args.get(0) instanceof StringLiteralExpr literal) {
            regex = literal.asString();
        } else if (args.get(0) instanceof TextBlockLiteralExpr block) {
            regex = block.asString();
        } else {
            return false;
        }
        OptionalInt flags = args.size() == 2 ? flags(args.get(1)) : OptionalInt.of(0);
        if (flags.isEmpty()) {
            return false;
        }
        try {
            Pattern.compile(regex, flags.getAsInt());
            return true;
        } catch (IllegalArgumentException e) { // includes PatternSyntaxException
            return false;
        }
    }

    /** Evaluates flags made of int literals and Pattern.X constants joined by '|'; empty when not constant. */
    private static OptionalInt flags(Expression e) {
        if (e instanceof IntegerLiteralExpr literal) {
            try {
                return OptionalInt.of(literal.asNumber().intValue());
            } catch (NumberFormatException ex) {
                return OptionalInt.empty();
            }
        }
        if (e instanceof FieldAccessExpr field && field.getScope() instanceof NameExpr scope
                && scope.getNameAsString().equals("Pattern")) {
            try {
                Field constant = Pattern.class.getField(field.getNameAsString());
                if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == int.class) {
                    return OptionalInt.of(constant.getInt(null));
                }
            } catch (NoSuchFieldException | IllegalAccessException ex) {
                return OptionalInt.empty();
            }
            return OptionalInt.empty();
        }
        if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.BINARY_OR) {
            OptionalInt left = flags(binary.getLeft());
            OptionalInt right = flags(binary.getRight());
            return left.isPresent() && right.isPresent()
                    ? OptionalInt.of(left.getAsInt() | right.getAsInt()) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** The outermost loop around the call that sits in a block, below any lambda or class; null if none. */
    private static Statement outermostLoop(MethodCallExpr call, BlockStmt body) {
        Statement found = null;
        for (Node n = call.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if (n instanceof BodyDeclaration<?>) {
                return null;
            }
            if (n instanceof LambdaExpr) {
                break;
            }
            boolean loop = n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt
                    || n instanceof DoStmt;
            if (loop && n.getParentNode().orElse(null) instanceof BlockStmt) {
                found = (Statement) n;
            }
        }
        return found;
    }
}
