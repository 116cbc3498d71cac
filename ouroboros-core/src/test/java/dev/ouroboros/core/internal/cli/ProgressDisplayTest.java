package dev.ouroboros.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.CandidateStage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: counts per gate, the best speed-up and the estimate of the time left. */
class ProgressDisplayTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    @Test
    void countsEachGateAndKeepsTheBestSpeedup() {
        ProgressDisplay p = new ProgressDisplay(err, false, 2, 4, null, clock::get, false);
        p.onCycleStart("c1", Instant.now());
        evaluate(p, "k1", CandidateStage.COMPILE_FAILED, Double.NaN);
        evaluate(p, "k2", CandidateStage.FASTER, 1.8);
        evaluate(p, "k3", CandidateStage.TESTS_FAILED, Double.NaN);
        evaluate(p, "k4", CandidateStage.FASTER, 1.4);
        String line = p.line("now");
        assertThat(line).contains("cycle 1/2", "tried 0", "passed 2", "compile 1", "tests 1", "best 1.80x");
        // 4 candidates in 40 s: 10 s each, and 4 more to go in cycle 2.
        assertThat(line).contains("ETA 40s");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(5);
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlace() {
        ProgressDisplay p = new ProgressDisplay(err, true, Integer.MAX_VALUE, 4, Instant.now().plusSeconds(120),
                clock::get, false);
        p.onCycleStart("c1", Instant.now());
        evaluate(p, "k1", CandidateStage.NOT_FASTER, 1.01);
        p.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").contains("\rcycle 1 | tried 0 | passed 1").endsWith("\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
        assertThat(p.line("x")).containsPattern("ETA 1m[0-5]\\ds");
    }

    private void evaluate(ProgressDisplay p, String id, CandidateStage stage, double speedup) {
        clock.addAndGet(10_000_000_000L);
        p.onCandidateEvaluated("c1", new CandidateReport(id, "op", stage, "", speedup));
    }
}
