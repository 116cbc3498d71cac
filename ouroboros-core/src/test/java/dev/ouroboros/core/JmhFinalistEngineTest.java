package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.fixture.Roster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code jmh-finalists} set, a winner of the timing screen goes through a real JMH run (forked JVMs)
 * against the original and a tournament before it is offered; its evidence carries JMH's figures.
 */
class JmhFinalistEngineTest {

    @TempDir
    Path dir;

    @Test
    void screenWinnerIsConfirmedByJmhBeforeItIsQueued() {
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                .target(Roster.class.getName() + "#print").dataDirectory(dir.resolve("data")).warmupRounds(1)
                .measuredRounds(10).approval(ApprovalMode.MANUAL).sandboxTimeout(Duration.ofSeconds(60))
                .jmhFinalists(1).build();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
            assertThat(result.message()).contains("(JMH: speed-up");
            assertThat(result.stages()).containsKey("jmh");
            assertThat(result.stages().get("jmh")).isGreaterThan(Duration.ofSeconds(1));
            PendingApproval pending = engine.approvals().pending().get(0);
            assertThat(pending.evidence()).contains("JMH faster: speed-up").contains("JMH iterations");
            engine.approvals().reject(pending.id(), "test done");
        }
    }
}
