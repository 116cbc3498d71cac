package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement "insert shortcut" edits: a {@code break}, {@code continue} or
 * {@code return} inserted before a statement of the body, alone or under an {@code if} guard.
 *
 * <p>Points are the statement-list statements where the jump is legal: for {@code break} inside a
 * loop or a {@code switch} statement, for {@code continue} inside a loop, for {@code return}
 * anywhere in a method or constructor body — always without a lambda, switch expression or class
 * declared in the body between the point and the region (a jump may not cross them). A
 * {@code return} of a non-void method returns the type's default value ({@code 0}, {@code false},
 * {@code '\0'} or {@code null}). The guard is a copy of a condition drawn with the given generator
 * among the body's {@code if} and loop conditions that are free of lambdas and anonymous classes;
 * without such a condition the guarded edit has no points. Unguarded jumps often make the next
 * statement unreachable, which javac rejects: the compile rate in the catalogue says how often.
 */
public final class InsertJump implements MutationOperator {

    /** Which jump is inserted. */
    public enum Jump {
        /** {@code break;} */
        BREAK,
        /** {@code continue;} */
        CONTINUE,
        /** {@code return;} or {@code return <default>;} */
        RETURN
    }

    private final Jump jump;
    private final boolean guarded;

    /** Creates the edit for one jump, with or without an {@code if} guard. */
    public InsertJump(Jump jump, boolean guarded) {
        this.jump = Objects.requireNonNull(jump, "jump must not be null");
        this.guarded = guarded;
    }

    @Override
    public String name() {
        return "insert-" + (guarded ? "guarded-" : "") + jump.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String description() {
        String what = jump.name().toLowerCase(java.util.Locale.ROOT);
        return guarded ? "Inserts 'if (<a condition of the body>) " + what + ";' before one statement"
                : "Inserts '" + what + ";' before one statement";
    }

    @Override
    public OperatorKind kind() {
        return OperatorKind.EXPLORATORY;
    }

    @Override
    public MutationSeverity severity() {
        return MutationSeverity.MAJOR;
    }

    @Override
    public int countPoints(BlockStmt body) {
        if (guarded && guards(body).isEmpty()) {
            return 0;
        }
        return points(body).size();
    }

    @Override
    public void apply(BlockStmt body, int index, RandomGenerator random) {
        List<Statement> points = points(body);
        if (guarded && guards(body).isEmpty()) {
            points = List.of();
        }
        Objects.checkIndex(index, points.size());
        Statement anchor = points.get(index);
        Statement inserted = switch (jump) {
            case BREAK -> new BreakStmt().removeLabel();
            case CONTINUE -> new ContinueStmt();
            case RETURN -> returnStatement(body);
        };
        if (guarded) {
            List<Expression> guards = guards(body);
            inserted = new IfStmt(guards.get(random.nextInt(guards.size())).clone(), inserted, null);
        }
        StatementDonors.insertBefore(anchor, inserted);
    }

    private List<Statement> points(BlockStmt body) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : StatementDonors.targets(body)) {
            if (legal(s, body)) {
                out.add(s);
            }
        }
        return out;
    }

    private boolean legal(Statement s, BlockStmt body) {
        boolean inLoop = false;
        boolean inSwitch = false;
        for (Node n = s.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof SwitchExpr) {
                return false;
            }
            inLoop |= n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt;
            inSwitch |= n instanceof SwitchStmt;
        }
        return switch (jump) {
            case BREAK -> inLoop || inSwitch;
            case CONTINUE -> inLoop;
            case RETURN -> returnStatementFor(body).isPresent();
        };
    }

    private static Statement returnStatement(BlockStmt body) {
        return returnStatementFor(body).orElseThrow();
    }

    /** The return statement for the region's member, empty in an initializer (where return is illegal). */
    private static Optional<Statement> returnStatementFor(BlockStmt body) {
        Node owner = body.getParentNode().orElse(null);
        if (owner instanceof MethodDeclaration method) {
            Type type = method.getType();
            return Optional.of(type.isVoidType() ? new ReturnStmt() : new ReturnStmt(defaultValue(type)));
        }
        if (owner instanceof com.github.javaparser.ast.body.ConstructorDeclaration) {
            return Optional.of(new ReturnStmt());
        }
        return Optional.empty();
    }

    private static Expression defaultValue(Type type) {
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive.getType()) {
                case BOOLEAN -> new BooleanLiteralExpr(false);
                case CHAR -> new CharLiteralExpr("\\0");
                case LONG -> new LongLiteralExpr("0L");
                case FLOAT, DOUBLE -> new DoubleLiteralExpr("0.0");
                default -> new IntegerLiteralExpr("0");
            };
        }
        return new NullLiteralExpr();
    }

    /** Conditions of the body that may be copied: no lambda, method reference or anonymous class inside. */
    private static List<Expression> guards(BlockStmt body) {
        List<Expression> out = new ArrayList<>();
        body.walk(Node.TreeTraversal.PREORDER, node -> {
            if (RegionScope.inNestedClass(node, body)) {
                return;
            }
            Expression c = null;
            if (node instanceof IfStmt s) {
                c = s.getCondition();
            } else if (node instanceof WhileStmt s) {
                c = s.getCondition();
            } else if (node instanceof DoStmt s) {
                c = s.getCondition();
            }
            if (c != null && StatementDonors.copyable(c)) {
                out.add(c);
            }
        });
        return out;
    }
}
