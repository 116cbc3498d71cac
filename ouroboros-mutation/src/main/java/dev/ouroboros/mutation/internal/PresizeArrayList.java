package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Presized collection: {@code new ArrayList<>()} declared just before an enhanced {@code for} over
 * an array becomes {@code new ArrayList<>(array.length)}, so that filling it never regrows and
 * copies its backing array.
 *
 * <p>Preconditions: the declaration declares one local, initialized with a no-argument
 * {@code new ArrayList<>()} (no anonymous subclass) where {@code ArrayList} is
 * {@code java.util.ArrayList}; the very next statement of the same block is an enhanced {@code for}
 * over a local variable or parameter proven to be an array (or varargs). A capacity is invisible to
 * {@code List} methods; a {@code null} array throws {@code NullPointerException} one statement
 * earlier, with nothing observable in between.
 */
public final class PresizeArrayList extends PointOperator<ObjectCreationExpr> {

    public PresizeArrayList() {
        super("presize-array-list",
                "Gives new ArrayList<>() filled by the following loop over an array the array's length as capacity",
                OperatorKind.SEMANTICS_PRESERVING, MutationSeverity.MINOR);
    }

    @Override
    void rewrite(BlockStmt body, ObjectCreationExpr creation, RandomGenerator random) {
        String array = loopArray(creation, body).orElseThrow();
        // A new creation expression: the lexical-preserving printer does not notice an argument
        // added to an existing one with an empty argument list.
        creation.replace(new ObjectCreationExpr(null, creation.getType().clone(),
                new NodeList<>(new FieldAccessExpr(new NameExpr(array), "length"))));
    }

    @Override
    List<ObjectCreationExpr> points(BlockStmt body) {
        List<ObjectCreationExpr> out = new ArrayList<>();
        for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
            if (!RegionScope.inLambdaOrNestedClass(creation, body) && loopArray(creation, body).isPresent()) {
                out.add(creation);
            }
        }
        return out;
    }

    /** The name of the array the next loop runs over, when every precondition holds. */
    private static Optional<String> loopArray(ObjectCreationExpr creation, BlockStmt body) {
        if (!creation.getArguments().isEmpty() || creation.getAnonymousClassBody().isPresent()
                || creation.getScope().isPresent() || !isJdkArrayList(creation, body)
                || !(creation.getParentNode().orElse(null) instanceof VariableDeclarator declarator)
                || !(declarator.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
                || declaration.getVariables().size() != 1
                || !(declaration.getParentNode().orElse(null) instanceof ExpressionStmt statement)
                || !(statement.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return Optional.empty();
        }
        int at = block.getStatements().indexOf(statement);
        if (at < 0 || at + 1 >= block.getStatements().size()) {
            return Optional.empty();
        }
        Statement next = block.getStatements().get(at + 1);
        if (!(next instanceof ForEachStmt loop) || !(loop.getIterable() instanceof NameExpr name)
                || name.getNameAsString().equals(declarator.getNameAsString())) {
            return Optional.empty();
        }
        Type type = RegionScope.localType(name, body).orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        Node owner = body.getParentNode().orElse(body);
        boolean varargs = owner.findFirst(Parameter.class,
                p -> p.isVarArgs() && p.getNameAsString().equals(name.getNameAsString())).isPresent();
        return type.isArrayType() || varargs ? Optional.of(name.getNameAsString()) : Optional.empty();
    }

    private static boolean isJdkArrayList(ObjectCreationExpr creation, BlockStmt body) {
        String written = creation.getType().getNameWithScope();
        if (written.equals("java.util.ArrayList")) {
            return true;
        }
        if (!written.equals("ArrayList") || RegionScope.shadowsJdkType(body, "ArrayList", "java.util.ArrayList")) {
            return false;
        }
        return body.findCompilationUnit().map(u -> u.getImports().stream().anyMatch(i -> !i.isStatic()
                && (i.isAsterisk() && i.getNameAsString().equals("java.util")
                        || !i.isAsterisk() && i.getNameAsString().equals("java.util.ArrayList")))).orElse(false);
    }
}
