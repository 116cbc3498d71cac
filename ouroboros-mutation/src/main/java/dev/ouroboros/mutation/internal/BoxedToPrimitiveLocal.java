package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Unboxes a local: {@code Long total = 0L} becomes {@code long total = 0L}, so that every
 * {@code total += x} stops allocating a new box.
 *
 * <p>Preconditions, checked syntactically: the local is declared alone, exactly once in the member,
 * with type {@code Integer}, {@code Long}, {@code Double}, {@code Float}, {@code Short} or
 * {@code Byte} (not shadowed in the unit) and an initializer that is provably a primitive value (a
 * numeric literal, arithmetic, a cast to a primitive, a primitive local or parameter). It is never null, since every plain
 * assignment to it must also be provably primitive. Every use is one where a box and its value
 * behave alike: an operand of arithmetic, of {@code < <= > >=}, of {@code ==}/{@code !=} against a
 * provable primitive (never an identity comparison of two boxes), of string concatenation, an
 * array index, a cast to a primitive, the target of {@code ++}/{@code --} or a compound assignment
 * in statement position, or the value of a {@code return} (the box returned was freshly made by
 * {@code valueOf} in both versions and never seen by anyone else). It is never passed, stored
 * elsewhere or compared as an object, and never used in a lambda or class other than the one that
 * declares it (a capture would change a synthetic method's signature and block the hot swap).
 */
public final class BoxedToPrimitiveLocal extends PointOperator<VariableDeclarator> {

    private static final Map<String, PrimitiveType.Primitive> UNBOXED = Map.of(
            "Integer", PrimitiveType.Primitive.INT,
            "Long", PrimitiveType.Primitive.LONG,
            "Double", PrimitiveType.Primitive.DOUBLE,
            "Float", PrimitiveType.Primitive.FLOAT,
            "Short", PrimitiveType.Primitive.SHORT,
            "Byte", PrimitiveType.Primitive.BYTE);

    private static final Set<BinaryExpr.Operator> VALUE_OPERATORS = Set.of(
            BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS, BinaryExpr.Operator.MULTIPLY,
            BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER, BinaryExpr.Operator.BINARY_AND,
            BinaryExpr.Operator.BINARY_OR, BinaryExpr.Operator.XOR, BinaryExpr.Operator.LEFT_SHIFT,
            BinaryExpr.Operator.SIGNED_RIGHT_SHIFT, BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.GREATER_EQUALS);

    public BoxedToPrimitiveLocal() {
        super("boxed-to-primitive-local",
                "Turns a boxed numeric local (Integer, Long, Double ...) into its primitive type",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, VariableDeclarator local, RandomGenerator random) {
        String boxed = ((ClassOrInterfaceType) local.getType()).getNameAsString();
        local.setType(new PrimitiveType(UNBOXED.get(boxed)));
    }

    @Override
    List<VariableDeclarator> points(BlockStmt body) {
        Map<String, Integer> declarations = RegionScope.declarationCounts(body);
        return body.findAll(VariableDeclarator.class, d -> qualifies(d, body, declarations));
    }

    private static boolean qualifies(VariableDeclarator local, BlockStmt body, Map<String, Integer> declarations) {
        if (!(local.getType() instanceof ClassOrInterfaceType type) || !UNBOXED.containsKey(type.getNameAsString())
                || type.getTypeArguments().isPresent()
                || type.getScope().isPresent() && !type.getScope().get().asString().equals("java.lang")) {
            return false;
        }
        String name = local.getNameAsString();
        if (declarations.getOrDefault(name, 0) != 1 || RegionScope.inNestedClass(local, body)
                || RegionScope.shadowsJdkType(body, type.getNameAsString(), "java.lang." + type.getNameAsString())
                || !(local.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
                || declaration.getVariables().size() != 1
                || !local.getInitializer().map(e -> isPrimitiveValue(e, body)).orElse(false)) {
            return false;
        }
        LambdaExpr home = nearestLambda(local, body);
        for (NameExpr use : body.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (RegionScope.inNestedClass(use, body) || nearestLambda(use, body) != home || !valueUse(use, body)) {
                return false;
            }
        }
        return true;
    }

    private static LambdaExpr nearestLambda(Node node, BlockStmt body) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr lambda) {
                return lambda;
            }
        }
        return null;
    }

    /** True when the use behaves the same for a box and its primitive value. */
    private static boolean valueUse(NameExpr use, BlockStmt body) {
        Expression operand = use;
        while (operand.getParentNode().orElse(null) instanceof EnclosedExpr enclosed) {
            operand = enclosed;
        }
        Node parent = operand.getParentNode().orElse(null);
        if (parent instanceof AssignExpr assign) {
            if (assign.getTarget() != operand) {
                return false;
            }
            return assign.getOperator() == AssignExpr.Operator.ASSIGN
                    ? isPrimitiveValue(assign.getValue(), body) && inStatementPosition(assign)
                    : inStatementPosition(assign);
        }
        if (parent instanceof UnaryExpr unary) {
            return switch (unary.getOperator()) {
                case MINUS, PLUS, BITWISE_COMPLEMENT -> true;
                case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> inStatementPosition(unary);
                default -> false;
            };
        }
        if (parent instanceof BinaryExpr binary) {
            if (VALUE_OPERATORS.contains(binary.getOperator())) {
                return true;
            }
            if (binary.getOperator() == BinaryExpr.Operator.EQUALS || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
                Expression other = binary.getLeft() == operand ? binary.getRight() : binary.getLeft();
                return isPrimitiveValue(other, body);
            }
            return false;
        }
        if (parent instanceof ArrayAccessExpr access) {
            return access.getIndex() == operand;
        }
        if (parent instanceof CastExpr cast) {
            return cast.getType() instanceof PrimitiveType;
        }
        return parent instanceof ReturnStmt;
    }

    /** An expression whose value is discarded: a statement of its own, or a for-loop init/update. */
    private static boolean inStatementPosition(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        return parent instanceof ExpressionStmt || parent instanceof ForStmt;
    }

    /** True when the expression's type is provably primitive, so it is never null and never a shared box. */
    static boolean isPrimitiveValue(Expression e, BlockStmt body) {
        if (e instanceof NameExpr name) {
            return RegionScope.localType(name, body).map(t -> t instanceof PrimitiveType).orElse(false);
        }
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr
                || e instanceof CharLiteralExpr) {
            return true;
        }
        if (e instanceof EnclosedExpr enclosed) {
            return isPrimitiveValue(enclosed.getInner(), body);
        }
        if (e instanceof UnaryExpr unary) {
            return switch (unary.getOperator()) {
                case MINUS, PLUS, BITWISE_COMPLEMENT -> true;
                default -> false;
            };
        }
        if (e instanceof BinaryExpr binary) {
            // Arithmetic on anything yields a primitive; a String concatenation would not compile
            // where a number is expected, and the original compiled.
            return VALUE_OPERATORS.contains(binary.getOperator()) && binary.getOperator() != BinaryExpr.Operator.PLUS
                    || binary.getOperator() == BinaryExpr.Operator.PLUS
                            && !StringExpressions.isString(binary.getLeft()) && !StringExpressions.isString(binary.getRight());
        }
        if (e instanceof CastExpr cast) {
            return cast.getType() instanceof PrimitiveType;
        }
        return e instanceof ConditionalExpr conditional
                && isPrimitiveValue(conditional.getThenExpr(), body) && isPrimitiveValue(conditional.getElseExpr(), body);
    }
}
