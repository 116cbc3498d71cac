package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.fixture.Collatz;
import dev.ouroboros.patcher.ClassFingerprint;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A winner that brings a class the program never had: memoize-pure-method puts its memo table in a new
 * top-level class of the unit, which the engine defines beside the target, in the same loader, before
 * the swap (real agent, real sandbox, real redefineClasses).
 */
class MemoizedWinnerTest {

    @TempDir
    Path data;

    @Test
    void memoizedWinnerGoesLiveWithItsHelperDefinedBesideTheTargetAndRollsBack() throws Exception {
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                .target(Collatz.class.getName() + "#steps").operators("memoize-pure-method").warmupRounds(2)
                .measuredRounds(12).dataDirectory(data).jmx(false).watchWindow(Duration.ofMillis(200))
                .watchMaxWindows(2).build();
        String helper = Collatz.class.getName() + "_steps_Memo";
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            byte[] before = engine.liveClassBytes(Collatz.class);

            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message() + " " + result.candidates()).isEqualTo(EvolutionOutcome.IMPROVED);
            Winner winner = result.winner().orElseThrow();
            assertThat(winner.applied()).isTrue();
            assertThat(winner.classSha256()).containsKeys(Collatz.class.getName(), helper);
            Class<?> memo = Class.forName(helper, false, Collatz.class.getClassLoader());
            assertThat(memo.getClassLoader()).isSameAs(Collatz.class.getClassLoader());
            assertThat(Collatz.steps(27)).isEqualTo(111);
            assertThat(Collatz.steps(27)).isEqualTo(111);
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Collatz.class))).isNotEqualTo(ClassFingerprint.of(before));

            engine.rollbackLast();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Collatz.class))).isEqualTo(ClassFingerprint.of(before));
            assertThat(Collatz.steps(871)).isEqualTo(178);
        }
    }
}
