package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.patcher.fixture.Dial;
import dev.ouroboros.patcher.fixture.Variants;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Laws of apply and rollback, checked with real {@code redefineClasses} in this JVM through self-attach:
 * the live method always returns what the model of applied bundles says, and any sequence that ends in
 * {@code rollbackToOriginal} leaves the JVM running the original code.
 */
class RollbackPropertyTest {

    private static final String DIAL = "dev.ouroboros.patcher.fixture.Dial";
    private static LivePatcher patcher;
    private static byte[][] positions;

    @BeforeContainer
    static void attach() {
        patcher = new LivePatcher(AgentInstrumentation.obtain());
        positions = new byte[4][];
        for (int p = 1; p < positions.length; p++) {
            positions[p] = InMemoryCompiler.compileClass(DIAL, Variants.dial(p));
        }
    }

    @AfterContainer
    static void detach() {
        patcher.close();
    }

    /**
     * Runs the operations: 0 rolls back the last bundle (when one is live), 1..3 applies the variant whose
     * {@code position()} returns that number.
     */
    @Property(tries = 15)
    void anySequenceEndingInRollbackToOriginalRestoresTheOriginalCode(
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 3) Integer> operations) {
        Deque<Integer> model = new ArrayDeque<>();
        for (int op : operations) {
            if (op == 0 && !model.isEmpty()) {
                patcher.rollbackLast();
                model.pop();
            } else if (op > 0) {
                patcher.apply(PatchBundle.of("dial-" + op, new PatchOperation(Dial.class, positions[op], "move")));
                model.push(op);
            }
            assertThat(Dial.position()).isEqualTo(model.isEmpty() ? 0 : model.peek());
        }
        if (patcher.versions().history(Dial.class).isEmpty()) {
            return;
        }
        RollbackEntry entry = patcher.rollbackToOriginal(Dial.class);

        assertThat(entry.restored()).singleElement().satisfies(v -> assertThat(v.number()).isZero());
        assertThat(Dial.position()).isZero();
        assertThat(patcher.runs(Dial.class, 0)).isTrue();
        assertThat(ClassFingerprint.of(patcher.currentBytes(Dial.class)))
                .isEqualTo(ClassFingerprint.of(patcher.versions().originalBytes(DIAL).orElseThrow()));
    }
}
