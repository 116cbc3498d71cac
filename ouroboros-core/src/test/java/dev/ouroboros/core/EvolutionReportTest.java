package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeChecksum;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report rendered from a real journal in a real data directory. */
class EvolutionReportTest {

    private static final byte[] BYTES = "pretend class bytes".getBytes(StandardCharsets.UTF_8);
    private static final String DIFF = """
            --- a/com/acme/A.java
            +++ b/com/acme/A.java
            @@ -1,3 +1,3 @@
             class A {
            -    String s = "<b>" + x & y;
            +    String s = new StringBuilder("<script>alert('x')</script>").toString();
             }
            """;

    @TempDir
    Path dir;

    private static Winner winner(String id, double speedup) {
        return new Winner(id, "string-builder-in-loop", "com.acme.A#run()", DIFF, speedup, 0.9, 2.0e6, 1.1e6,
                Map.of("com.acme.A", GenomeChecksum.sha256(BYTES)), false);
    }

    private void fill(EngineState state) {
        state.history().append("c1", "k1", "constant-folding", "com.acme.A#run()", HistoryStatus.COMPILE_FAILED,
                "error: ';' expected", Double.NaN, 1);
        state.history().append("c1", "k2", "string-builder-in-loop", "com.acme.A#run()", HistoryStatus.FASTER,
                "3 tests passed; median 2.00 ms -> 1.10 ms, p=0.0002", 1.8, 1);
        state.winners().record(winner("k2", 1.8), Map.of("com.acme.A", BYTES),
                WinnerEvidence.of(List.of(200L, 210L, 190L, 205L, 199L), List.of(100L, 120L, 110L, 105L, 98L), 0.008, 1.0, 7));
        state.history().transition("k2", HistoryStatus.APPLIED, "bundle c1-k2");
        state.winners().markApplied("k2", true);
        state.history().transition("k2", HistoryStatus.ROLLED_BACK, "regression: p99 latency <doubled> & more");
        state.winners().markApplied("k2", false);
        state.history().append("c2", "k3", "string-builder-in-loop", "com.acme.A#run()", HistoryStatus.TESTS_FAILED,
                "expected \"1. Ada\" but was \"\"", Double.NaN, 2);
        state.history().append("c2", "k4", "string-builder-in-loop", "com.acme.A#run()", HistoryStatus.FASTER, "ok", 2.4, 2);
        state.winners().record(winner("k4", 2.4), Map.of("com.acme.A", BYTES));
        state.history().transition("k4", HistoryStatus.PENDING_APPROVAL, "a-c2-k4 fingerprint=f ok");
    }

    @Test
    void reportShowsChartsWinnersAndRollbacks() {
        String html;
        try (EngineState state = EngineState.open(dir)) {
            fill(state);
            html = EvolutionReport.from(state).toHtml();
        }
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg id=\"cycles-chart\"", "<svg id=\"speedup-chart\"",
                "<svg id=\"operators-chart\"", "<table id=\"rollbacks\"");
        assertThat(html.split("<section class=\"winner\"", -1)).hasSize(3);
        assertThat(html).contains("<tr class=\"rollback\"><td>").contains("regression: p99 latency &lt;doubled&gt; &amp; more");
        assertThat(html).contains("PENDING_APPROVAL", "ROLLED_BACK", "TESTS_FAILED", "COMPILE_FAILED");
        // Two cycles drawn, one winner interval drawn (k4 has no journaled evidence).
        assertThat(html.split("<rect class=\"cycle\"", -1)).hasSize(3);
        assertThat(html.split("<line class=\"ci\"", -1)).hasSize(2);
        assertThat(html).contains("not journaled");
        // No network at view time: no script, no external reference.
        assertThat(html).doesNotContain("<script", "http://", "https://").doesNotContainPattern("src=\"");
    }

    @Test
    void diffAndDetailTextIsEscapedAndColoured() {
        String html;
        try (EngineState state = EngineState.open(dir)) {
            fill(state);
            html = EvolutionReport.from(state).toHtml();
        }
        assertThat(html).contains("<span class=\"del\">-    String s = &quot;&lt;b&gt;&quot; + x &amp; y;</span>");
        assertThat(html).contains("<span class=\"add\">+    String s = new StringBuilder(&quot;&lt;script&gt;alert(&#39;x&#39;)"
                + "&lt;/script&gt;&quot;).toString();</span>");
        assertThat(html).contains("<span class=\"hunk\">@@ -1,3 +1,3 @@</span>", "<span class=\"file\">--- a/com/acme/A.java</span>");
        assertThat(html).contains("expected &quot;1. Ada&quot;").doesNotContain("alert('x')");
    }

    @Test
    void evidenceSurvivesReopenAndOlderWinnerRecordsHaveNone() {
        try (EngineState state = EngineState.open(dir)) {
            fill(state);
        }
        try (EngineState again = EngineState.open(dir)) {
            WinnerEvidence e = again.winners().evidence("k2").orElseThrow();
            assertThat(e.rounds()).isEqualTo(5);
            assertThat(e.pValue()).isEqualTo(0.008);
            assertThat(e.speedupLow()).isGreaterThan(1.0).isLessThanOrEqualTo(1.8);
            assertThat(e.speedupHigh()).isGreaterThanOrEqualTo(1.8);
            assertThat(again.winners().evidence("k4")).isEmpty();
            assertThat(again.winners().winner("k2").orElseThrow().applied()).isFalse();
            String html = EvolutionReport.from(again).toHtml();
            assertThat(html).contains("95% interval").contains("× – ");
        }
    }

    @Test
    void writeToReplacesTheFileAtomicallyAndLeavesNoTemporary() throws Exception {
        Path out = dir.resolve("out/report.html");
        try (EngineState state = EngineState.open(dir.resolve("data"))) {
            fill(state);
            Files.createDirectories(out.getParent());
            Files.writeString(out, "old");
            EvolutionReport.from(state).writeTo(out);
        }
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("speedup-chart");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.html");
        }
    }

    @Test
    void emptyStateStillRendersEveryChart() {
        try (EngineState state = EngineState.open(dir)) {
            String html = EvolutionReport.from(state).toHtml();
            assertThat(html).contains("id=\"cycles-chart\"", "id=\"speedup-chart\"", "id=\"operators-chart\"",
                    "No rollback.", "No winner yet.");
        }
    }
}
