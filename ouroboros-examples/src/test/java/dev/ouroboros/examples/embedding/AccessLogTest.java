package dev.ouroboros.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access-log summary's own tests. Ouroboros runs exactly these against every candidate rewrite of
 * {@link AccessLog}, in a sandbox worker JVM, before a winner can be approved.
 */
class AccessLogTest {

    private static final String LINE =
            "203.0.113.7 - - [26/Nov/2026:13:49:27 +0000] \"GET /orders?page=2 HTTP/1.1\" 200 5123 \"-\" \"curl/8.5.0\"";

    @Test
    void oneLineGivesOneRequestWithItsStatusBytesAndPath() {
        TrafficSummary s = AccessLog.summarize(List.of(LINE));

        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.malformed()).isZero();
        assertThat(s.totalBytes()).isEqualTo(5123);
        assertThat(s.statusCounts()).containsExactly(Map.entry(200, 1));
        assertThat(s.bytesByPath()).containsExactly(Map.entry("/orders", 5123L));
    }

    @Test
    void aDashForTheSizeCountsAsZeroBytes() {
        TrafficSummary s = AccessLog.summarize(List.of(
                "198.51.100.4 - - [26/Nov/2026:13:50:01 +0000] \"GET /logo.png HTTP/1.1\" 304 - \"-\" \"Mozilla/5.0\""));

        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.totalBytes()).isZero();
        assertThat(s.bytesByPath()).containsExactly(Map.entry("/logo.png", 0L));
        assertThat(s.statusCounts()).containsExactly(Map.entry(304, 1));
    }

    @Test
    void linesInAnotherFormatAreCountedAsMalformedAndIgnored() {
        TrafficSummary s = AccessLog.summarize(List.of("", "GET /orders 200", LINE,
                "203.0.113.7 - - [26/Nov/2026:13:49:27 +0000] \"GET /ord", LINE.replace(" 200 ", " 2000 ")));

        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.malformed()).isEqualTo(4);
        assertThat(s.totalBytes()).isEqualTo(5123);
    }

    @Test
    void pathsAreGroupedWithoutTheirQueryString() {
        TrafficSummary s = AccessLog.summarize(List.of(LINE, LINE.replace("/orders?page=2", "/orders"),
                LINE.replace("/orders?page=2", "/cart?x=1").replace(" 5123 ", " 7 ")));

        assertThat(s.bytesByPath()).isEqualTo(Map.of("/orders", 10_246L, "/cart", 7L));
        assertThat(s.topPaths(5)).containsExactly("/orders", "/cart");
    }

    @Test
    void noLinesGiveAnEmptySummary() {
        TrafficSummary s = AccessLog.summarize(List.of());

        assertThat(s).isEqualTo(new TrafficSummary(0, 0, 0, Map.of(), Map.of()));
    }

    @Test
    void anHourOfTrafficAddsUpToTheRequestsThatMadeIt() {
        List<Request> hour = SampleTraffic.requests(10_000, 11);
        Map<Integer, Integer> statuses = new HashMap<>();
        Map<String, Long> bytes = new HashMap<>();
        long total = 0;
        for (Request r : hour) {
            long b = Math.max(0, r.bytes());
            statuses.merge(r.status(), 1, Integer::sum);
            bytes.merge(r.path(), b, Long::sum);
            total += b;
        }

        TrafficSummary s = AccessLog.summarize(hour.stream().map(Request::logLine).toList());

        assertThat(s).isEqualTo(new TrafficSummary(10_000, 0, total, statuses, bytes));
    }

    @Test
    void cutShortLinesOfALogRotatedMidWriteAreMalformed() {
        List<String> lines = SampleTraffic.logLines(1_000, 5, 100);

        TrafficSummary s = AccessLog.summarize(lines);

        assertThat(s.malformed()).isEqualTo(10);
        assertThat(s.requests()).isEqualTo(990);
    }

    @Test
    void theLogLineOfARequestIsInTheCombinedFormat() {
        Request r = new Request("203.0.113.7", Instant.parse("2026-11-26T13:49:27Z"), "GET", "/orders?page=2", 200, 5123,
                "curl/8.5.0");

        assertThat(r.logLine()).isEqualTo(LINE);
    }
}
