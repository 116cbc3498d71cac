package dev.ouroboros.mutation;

import com.github.javaparser.ast.stmt.BlockStmt;
import dev.ouroboros.mutation.internal.BinaryOperatorReplace;
import dev.ouroboros.mutation.internal.BoxedToPrimitiveLocal;
import dev.ouroboros.mutation.internal.ConditionNegate;
import dev.ouroboros.mutation.internal.HoistPatternCompile;
import dev.ouroboros.mutation.internal.ConditionReorder;
import dev.ouroboros.mutation.internal.ConstantFolding;
import dev.ouroboros.mutation.internal.DeadBranchElimination;
import dev.ouroboros.mutation.internal.EarlyExit;
import dev.ouroboros.mutation.internal.EnhancedForToIndexed;
import dev.ouroboros.mutation.internal.InsertJump;
import dev.ouroboros.mutation.internal.LinkedListToArrayList;
import dev.ouroboros.mutation.internal.ListContainsToHashSet;
import dev.ouroboros.mutation.internal.LoopInvariantHoist;
import dev.ouroboros.mutation.internal.StatementCopy;
import dev.ouroboros.mutation.internal.StatementReplace;
import dev.ouroboros.mutation.internal.StatementSwap;
import dev.ouroboros.mutation.internal.StrengthReduction;
import dev.ouroboros.mutation.internal.UnaryOperatorReplace;
import dev.ouroboros.mutation.internal.MathPowSquare;
import dev.ouroboros.mutation.internal.MemoizePureMethod;
import dev.ouroboros.mutation.internal.ParallelStream;
import dev.ouroboros.mutation.internal.PresizeArrayList;
import dev.ouroboros.mutation.internal.StatementDelete;
import dev.ouroboros.mutation.internal.StringBuilderInLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * One kind of rewrite of a region body: the unit of the operator catalogue.
 *
 * <p>An operator sees only the body {@link BlockStmt} of a region (attached to its compilation unit,
 * so it may look at the enclosing declaration) and edits it in place. It must never add or remove
 * fields, methods or constructors of the target class, nor change signatures, so that a winner
 * stays hot-swappable. {@link #countPoints} and {@link #apply} must agree: on equal bodies they see
 * the same points in the same order. Third-party operators are found through {@link ServiceLoader}
 * ({@code META-INF/services/dev.ouroboros.mutation.MutationOperator}).
 */
public interface MutationOperator {

    /** Returns the operator's kebab-case name, for example {@code string-builder-in-loop}; unique in the catalogue. */
    String name();

    /** Returns a one-line description of what the operator does. */
    String description();

    /** Returns whether the operator keeps behaviour or only explores. */
    OperatorKind kind();

    /** Returns how far the operator may move behaviour. */
    MutationSeverity severity();

    /**
     * Counts the places in this region body where the operator can fire; preconditions are checked here.
     *
     * @return the number of points, zero when the operator does not apply; never negative
     */
    int countPoints(BlockStmt body);

    /**
     * Rewrites point {@code index} of the body in place. Random choices come only from {@code random}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < countPoints(body)}
     */
    void apply(BlockStmt body, int index, RandomGenerator random);

    /**
     * Tells whether {@link #apply} may also add one new package-private top-level class to the body's
     * compilation unit: a helper the rewritten body uses (never a member of an existing class, which
     * would not be hot-swappable). The mutator then makes this operator's candidates from a fresh parse
     * of the whole unit instead of a copy of the member. Default {@code false}: an operator changes
     * nothing outside the body.
     */
    default boolean addsHelperClass() {
        return false;
    }

    /** Returns the operator that turns {@code s += x} in a loop into a {@link StringBuilder}. */
    static MutationOperator stringBuilderInLoop() {
        return new StringBuilderInLoop();
    }

    /** Returns the operator that turns a boxed numeric local ({@code Long total = 0L}) into a primitive. */
    static MutationOperator boxedToPrimitiveLocal() {
        return new BoxedToPrimitiveLocal();
    }

    /** Returns the operator that moves {@code Pattern.compile("literal")} out of loops. */
    static MutationOperator hoistPatternCompile() {
        return new HoistPatternCompile();
    }

    /** Returns the operator that turns {@code Math.pow(x, 2)} into {@code (double) x * x}. */
    static MutationOperator mathPowSquare() {
        return new MathPowSquare();
    }

    /** Returns the genetic-improvement operator that deletes one statement. */
    static MutationOperator statementDelete() {
        return new StatementDelete();
    }

    /** Returns the genetic-improvement operator that swaps a binary operator for another of its family. */
    static MutationOperator binaryOperatorReplace() {
        return new BinaryOperatorReplace();
    }

    /** Returns the genetic-improvement operator that negates one condition. */
    static MutationOperator conditionNegate() {
        return new ConditionNegate();
    }

    /** Returns the operator that turns {@code x * 2^k} into {@code x << k} for int and long locals. */
    static MutationOperator strengthReduction() {
        return new StrengthReduction();
    }

    /** Returns the operator that replaces an operation on two int literals by its value. */
    static MutationOperator constantFolding() {
        return new ConstantFolding();
    }

    /** Returns the operator that removes the branch of {@code if (true)} / {@code if (false)} that never runs. */
    static MutationOperator deadBranchElimination() {
        return new DeadBranchElimination();
    }

    /** Returns the operator that rewrites {@code for (T x : array)} as an indexed loop. */
    static MutationOperator enhancedForToIndexed() {
        return new EnhancedForToIndexed();
    }

    /** Returns the operator that makes a local, never-escaping {@code LinkedList} an {@code ArrayList}. */
    static MutationOperator linkedListToArrayList() {
        return new LinkedListToArrayList();
    }

    /** Returns the operator that presizes {@code new ArrayList<>()} filled by the following loop over an array. */
    static MutationOperator presizeArrayList() {
        return new PresizeArrayList();
    }

    /** Returns the operator that turns {@code list.contains(x)} in a loop into a lookup in a HashSet built before it. */
    static MutationOperator listContainsToHashSet() {
        return new ListContainsToHashSet();
    }

    /** Returns the operator that moves a loop-invariant primitive local that cannot throw to just before its loop. */
    static MutationOperator loopInvariantHoist() {
        return new LoopInvariantHoist();
    }

    /** Returns the operator that makes a loop which only sets a flag to a constant on a match break at the first one. */
    static MutationOperator earlyExit() {
        return new EarlyExit();
    }

    /**
     * Returns the operator that memoizes a pure static method returning a primitive: a bounded,
     * thread-safe table in a new helper class of the same unit.
     */
    static MutationOperator memoizePureMethod() {
        return new MemoizePureMethod();
    }

    /** Returns the genetic-improvement operator that inserts a copy of one statement before another. */
    static MutationOperator statementCopy() {
        return new StatementCopy(false);
    }

    /** Returns the type-matched variant of {@link #statementCopy()}: the copy goes before a statement of its own kind. */
    static MutationOperator statementCopySameType() {
        return new StatementCopy(true);
    }

    /** Returns the genetic-improvement operator that replaces one statement by a copy of another. */
    static MutationOperator statementReplace() {
        return new StatementReplace(false);
    }

    /** Returns the type-matched variant of {@link #statementReplace()}. */
    static MutationOperator statementReplaceSameType() {
        return new StatementReplace(true);
    }

    /** Returns the genetic-improvement operator that swaps two statements. */
    static MutationOperator statementSwap() {
        return new StatementSwap(false);
    }

    /** Returns the type-matched variant of {@link #statementSwap()}. */
    static MutationOperator statementSwapSameType() {
        return new StatementSwap(true);
    }

    /** Returns the genetic-improvement operator that swaps a unary operator for another of its family. */
    static MutationOperator unaryOperatorReplace() {
        return new UnaryOperatorReplace();
    }

    /** Returns the genetic-improvement operator that swaps the operands of one {@code &&} or {@code ||}. */
    static MutationOperator conditionReorder() {
        return new ConditionReorder();
    }

    /** Returns the exploratory operator that makes {@code coll.stream()} parallel before an order-free terminal. */
    static MutationOperator parallelStream() {
        return new ParallelStream();
    }

    /**
     * The genetic-improvement operators that insert {@code break}, {@code continue} or {@code return}
     * before one statement, alone or under an {@code if} guard copied from the body; find them by
     * name ({@code insert-break}, {@code insert-guarded-return}, ...).
     */
    private static MutationOperator insertJump(InsertJump.Jump jump, boolean guarded) {
        return new InsertJump(jump, guarded);
    }

    /**
     * Returns the built-in operators in catalogue order: the semantics-preserving ones first, then
     * the exploratory genetic-improvement edits.
     */
    static List<MutationOperator> builtIns() {
        return List.of(stringBuilderInLoop(), boxedToPrimitiveLocal(), hoistPatternCompile(), mathPowSquare(),
                strengthReduction(), constantFolding(), deadBranchElimination(), enhancedForToIndexed(),
                linkedListToArrayList(), presizeArrayList(), listContainsToHashSet(), loopInvariantHoist(),
                earlyExit(), memoizePureMethod(),
                statementDelete(), binaryOperatorReplace(), conditionNegate(),
                statementCopy(), statementCopySameType(), statementReplace(), statementReplaceSameType(),
                statementSwap(), statementSwapSameType(), unaryOperatorReplace(), conditionReorder(),
                parallelStream(),
                insertJump(InsertJump.Jump.BREAK, false), insertJump(InsertJump.Jump.BREAK, true),
                insertJump(InsertJump.Jump.CONTINUE, false), insertJump(InsertJump.Jump.CONTINUE, true),
                insertJump(InsertJump.Jump.RETURN, false), insertJump(InsertJump.Jump.RETURN, true));
    }

    /** Returns the built-in operators followed by the ones {@link ServiceLoader} finds, skipping names already taken. */
    static List<MutationOperator> available() {
        List<MutationOperator> all = new ArrayList<>(builtIns());
        TreeSet<String> names = new TreeSet<>();
        all.forEach(op -> names.add(op.name()));
        for (MutationOperator op : ServiceLoader.load(MutationOperator.class)) {
            if (names.add(op.name())) {
                all.add(op);
            }
        }
        return List.copyOf(all);
    }

    /**
     * Looks an operator up by name among {@link #builtIns()} and the ones {@link ServiceLoader} finds.
     *
     * @throws IllegalArgumentException when no operator has that name; the message lists the known names
     */
    static MutationOperator named(String name) {
        List<MutationOperator> all = available();
        for (MutationOperator op : all) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("no mutation operator named '" + name + "'; known operators: "
                + all.stream().map(MutationOperator::name).toList());
    }
}
