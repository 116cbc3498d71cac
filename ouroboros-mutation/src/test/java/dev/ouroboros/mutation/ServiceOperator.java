package dev.ouroboros.mutation;

import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.random.RandomGenerator;

/** A third-party operator, registered in META-INF/services to prove ServiceLoader discovery. */
public final class ServiceOperator implements MutationOperator {

    @Override
    public String name() {
        return "test-service-operator";
    }

    @Override
    public String description() {
        return "does nothing; found through ServiceLoader";
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
        return 0;
    }

    @Override
    public void apply(BlockStmt body, int index, RandomGenerator random) {
        throw new IndexOutOfBoundsException(index);
    }
}
