package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Strength reduction of squaring: {@code Math.pow(x, 2)} becomes {@code (double) x * x}.
 *
 * <p>Preconditions: the call is {@code Math.pow} or {@code StrictMath.pow} (the unit declares or
 * imports no other {@code Math}), the exponent is the literal {@code 2} or {@code 2.0}, and the base
 * is a numeric literal or a local variable or parameter proven in scope, so reading it twice gives
 * the same value (a field could change between the reads). Why equal results: {@code StrictMath.pow}
 * is specified as fdlibm, whose {@code pow} returns {@code x*x} for {@code y == 2}; HotSpot's
 * {@code Math.pow} does the same since JDK 9 (JDK-8063086), though the Java SE specification only
 * promises {@code Math.pow} within 1 ulp — hence severity MODERATE. The cast keeps the arithmetic in
 * {@code double}, so an {@code int} base cannot overflow where {@code pow} would not.
 */
public final class MathPowSquare extends PointOperator<MethodCallExpr> {

    public MathPowSquare() {
        super("math-pow-square",
                "Replaces Math.pow(x, 2) by (double) x * x for a local x or a literal",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MODERATE);
    }

    @Override
    void rewrite(BlockStmt body, MethodCallExpr call, RandomGenerator random) {
        Expression base = call.getArgument(0);
        boolean isDouble = base instanceof NameExpr name && RegionScope.localType(name, body)
                .map(t -> t.asString().equals("double")).orElse(false);
        Expression left = isDouble ? base.clone() : new CastExpr(PrimitiveType.doubleType(), base.clone());
        Expression square = new BinaryExpr(left, base.clone(), BinaryExpr.Operator.MULTIPLY);
        Node parent = call.getParentNode().orElseThrow();
        boolean bare = parent instanceof VariableDeclarator || parent instanceof ReturnStmt
                || parent instanceof AssignExpr assign && assign.getValue() == call;
        call.replace(bare ? square : new EnclosedExpr(square));
    }

    @Override
    List<MethodCallExpr> points(BlockStmt body) {
        return body.findAll(MethodCallExpr.class, call -> isSquare(call, body));
    }

    private static boolean isSquare(MethodCallExpr call, BlockStmt body) {
        if (!call.getNameAsString().equals("pow") || call.getArguments().size() != 2
                || RegionScope.inNestedClass(call, body)) {
            return false;
        }
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || !(scope.get() instanceof NameExpr owner)) {
            return false;
        }
        String math = owner.getNameAsString();
        if (!(math.equals("Math") || math.equals("StrictMath"))
                || RegionScope.shadowsJdkType(body, math, "java.lang." + math)
                || RegionScope.declarationCounts(body).containsKey(math)) {
            return false;
        }
        Expression exponent = call.getArgument(1);
        boolean two = exponent instanceof IntegerLiteralExpr i && i.getValue().equals("2")
                || exponent instanceof DoubleLiteralExpr d && d.asDouble() == 2.0;
        if (!two) {
            return false;
        }
        Expression base = call.getArgument(0);
        if (base instanceof LiteralExpr) {
            return base instanceof IntegerLiteralExpr || base instanceof DoubleLiteralExpr;
        }
        if (!(base instanceof NameExpr name)) {
            return false;
        }
        Optional<Type> type = RegionScope.localType(name, body);
        return type.isPresent() && isNumeric(type.get());
    }

    private static boolean isNumeric(Type type) {
        return switch (type.asString()) {
            case "byte", "short", "char", "int", "long", "float", "double",
                 "Byte", "Short", "Character", "Integer", "Long", "Float", "Double" -> true;
            default -> false;
        };
    }
}
