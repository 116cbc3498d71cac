package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Enhanced {@code for} over an array becomes the indexed loop it stands for (JLS 14.14.2):
 * {@code for (T x : a) S} becomes {@code for (int i = 0; i < a.length; i++) { T x = a[i]; S }}.
 *
 * <p>Preconditions: {@code a} is a local variable or parameter proven to be declared with an array
 * type (or as a varargs parameter), and nothing in the member assigns to it (the enhanced loop reads the array reference once;
 * the indexed one reads it every round). The index gets a name used nowhere in the member. The loop
 * variable keeps its modifiers and type. A {@code null} array throws the same
 * {@code NullPointerException} before the first round in both forms.
 */
public final class EnhancedForToIndexed extends PointOperator<ForEachStmt> {

    public EnhancedForToIndexed() {
        super("enhanced-for-to-indexed",
                "Rewrites for (T x : array) as an indexed loop over the array",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, ForEachStmt loop, RandomGenerator random) {
        Set<String> used = RegionScope.identifiers(body);
        String i = RegionScope.freshName("i", used);
        String array = ((NameExpr) loop.getIterable()).getNameAsString();
        VariableDeclarator element = loop.getVariable().getVariable(0);
        VariableDeclarationExpr declaration = new VariableDeclarationExpr(loop.getVariable().getModifiers(),
                new NodeList<>(new VariableDeclarator(element.getType().clone(), element.getNameAsString(),
                        new ArrayAccessExpr(new NameExpr(array), new NameExpr(i)))));
        Statement original = loop.getBody();
        BlockStmt block = new BlockStmt();
        ForStmt indexed = new ForStmt(
                new NodeList<>(new VariableDeclarationExpr(new VariableDeclarator(PrimitiveType.intType(), i,
                        new IntegerLiteralExpr("0")))),
                new BinaryExpr(new NameExpr(i), new FieldAccessExpr(new NameExpr(array), "length"), BinaryExpr.Operator.LESS),
                new NodeList<>(new UnaryExpr(new NameExpr(i), UnaryExpr.Operator.POSTFIX_INCREMENT)),
                block);
        loop.replace(indexed);
        block.addStatement(new ExpressionStmt(declaration));
        if (original instanceof BlockStmt inner) {
            // Keep the original statements' own text: move them, do not reprint them.
            for (Statement s : List.copyOf(inner.getStatements())) {
                block.addStatement(s);
            }
        } else {
            block.addStatement(original);
        }
    }

    @Override
    List<ForEachStmt> points(BlockStmt body) {
        return body.findAll(ForEachStmt.class, loop -> !RegionScope.inNestedClass(loop, body)
                && loop.getVariable().getVariables().size() == 1
                && loop.getIterable() instanceof NameExpr name && isArray(name, body) && neverAssigned(name, body));
    }

    private static boolean isArray(NameExpr name, BlockStmt body) {
        Type type = RegionScope.localType(name, body).orElse(null);
        if (type == null) {
            return false;
        }
        // A proven local whose one declaration is a varargs parameter is an array too.
        boolean varargs = body.getParentNode().orElse(body).findFirst(com.github.javaparser.ast.body.Parameter.class,
                p -> p.isVarArgs() && p.getNameAsString().equals(name.getNameAsString())).isPresent();
        return type.isArrayType() || varargs;
    }

    private static boolean neverAssigned(NameExpr name, BlockStmt body) {
        String n = name.getNameAsString();
        return body.findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n))
                .isEmpty();
    }
}
