package dev.ouroboros.mutation.internal;

import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.mutation.OperatorKind;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The genetic-improvement edits "statement copy" and "type-matched statement copy": a copy of one
 * statement of the body is inserted before another.
 *
 * <p>Points are the donors ({@link StatementDonors}); the insertion place is drawn with the given
 * generator among the body's statement-list positions (for the type-matched variant, only before
 * a statement of the donor's own node type). A donor with no place is still a point whose edit
 * inserts the copy just before itself.
 */
public final class StatementCopy implements MutationOperator {

    private final boolean typed;

    /** Creates the plain edit ({@code typed == false}) or its type-matched variant. */
    public StatementCopy(boolean typed) {
        this.typed = typed;
    }

    @Override
    public String name() {
        return typed ? "statement-copy-same-type" : "statement-copy";
    }

    @Override
    public String description() {
        return typed ? "Inserts a copy of one statement before another statement of the same kind"
                : "Inserts a copy of one statement before another statement";
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
        return StatementDonors.donors(body).size();
    }

    @Override
    public void apply(BlockStmt body, int index, RandomGenerator random) {
        List<Statement> donors = StatementDonors.donors(body);
        Objects.checkIndex(index, donors.size());
        Statement donor = donors.get(index);
        List<Statement> places = StatementDonors.targets(body).stream()
                .filter(t -> !typed || t.getClass() == donor.getClass())
                .filter(t -> !RegionScope.isAncestor(donor, t)).toList();
        Statement anchor = places.get(random.nextInt(places.size()));
        StatementDonors.insertBefore(anchor, donor.clone());
    }
}
