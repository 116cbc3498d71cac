package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edits "statement replace" and "type-matched statement replace": one
 * statement of the body is replaced by a copy of another.
 *
 * <p>Points are the statement-list statements that have at least one donor ({@link StatementDonors})
 * other than themselves, their ancestors and descendants (for the type-matched variant, a donor of
 * the same node type); the donor is drawn with the given generator.
 */
public final class StatementReplace extends PointOperator<Statement> {

    private final boolean typed;

    /** Creates the plain edit ({@code typed == false}) or its type-matched variant. */
    public StatementReplace(boolean typed) {
        super(typed ? "statement-replace-same-type" : "statement-replace",
                typed ? "Replaces one statement by a copy of another statement of the same kind"
                        : "Replaces one statement by a copy of another statement",
                OperatorKind.EXPLORATORY, MutationSeverity.MAJOR);
        this.typed = typed;
    }

    @Override
    void rewrite(BlockStmt body, Statement target, RandomGenerator random) {
        List<Statement> donors = donorsFor(target, StatementDonors.donors(body));
        target.replace(donors.get(random.nextInt(donors.size())).clone());
    }

    @Override
    List<Statement> points(BlockStmt body) {
        List<Statement> donors = StatementDonors.donors(body);
        return StatementDonors.targets(body).stream().filter(t -> !donorsFor(t, donors).isEmpty()).toList();
    }

    private List<Statement> donorsFor(Statement target, List<Statement> donors) {
        return donors.stream().filter(d -> d != target && !RegionScope.isAncestor(d, target)
                && !RegionScope.isAncestor(target, d)
                && (!typed || d.getClass() == target.getClass())).toList();
    }
}
