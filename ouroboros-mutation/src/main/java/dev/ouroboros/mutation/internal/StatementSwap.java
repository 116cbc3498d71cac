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
 * The genetic-improvement edits "statement swap" and "type-matched statement swap": two statements
 * of the body exchange places.
 *
 * <p>Points are the statement-list statements that have a partner: another such statement that is
 * neither an ancestor nor a descendant (for the type-matched variant, of the
 * same node type). The partner is drawn with the given generator. Nothing is duplicated, so a swap
 * cannot add members.
 */
public final class StatementSwap implements MutationOperator {

    private final boolean typed;

    /** Creates the plain edit ({@code typed == false}) or its type-matched variant. */
    public StatementSwap(boolean typed) {
        this.typed = typed;
    }

    @Override
    public String name() {
        return typed ? "statement-swap-same-type" : "statement-swap";
    }

    @Override
    public String description() {
        return typed ? "Swaps two statements of the same kind" : "Swaps two statements";
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
        return points(body).size();
    }

    @Override
    public void apply(BlockStmt body, int index, RandomGenerator random) {
        List<Statement> targets = StatementDonors.targets(body);
        List<Statement> points = points(targets);
        Objects.checkIndex(index, points.size());
        Statement a = points.get(index);
        List<Statement> partners = partners(a, targets);
        Statement b = partners.get(random.nextInt(partners.size()));
        // Swap through placeholders: a node can hang under one parent only.
        Statement holeA = new BlockStmt();
        Statement holeB = new BlockStmt();
        a.replace(holeA);
        b.replace(holeB);
        holeA.replace(b);
        holeB.replace(a);
    }

    private List<Statement> points(BlockStmt body) {
        return points(StatementDonors.targets(body));
    }

    private List<Statement> points(List<Statement> targets) {
        return targets.stream().filter(t -> !partners(t, targets).isEmpty()).toList();
    }

    private List<Statement> partners(Statement s, List<Statement> targets) {
        return targets.stream().filter(t -> t != s && !RegionScope.isAncestor(t, s) && !RegionScope.isAncestor(s, t)
                && (!typed || t.getClass() == s.getClass())).toList();
    }
}
