package dev.ouroboros.examples.embedding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarizes web-server access logs in the combined log format.
 *
 * <p>This is the embedding example's hot code, written the way such code often is: the line pattern
 * sits inline in the loop, next to the groups it is read with, so the regex is compiled again for
 * every line. It is correct, reads well, and spends most of its time in {@code Pattern.compile} once
 * a server's hour of traffic goes through it.
 */
public final class AccessLog {

    private AccessLog() {
    }

    /**
     * Summarizes log lines such as
     * {@code 203.0.113.7 - - [26/Nov/2026:13:49:27 +0000] "GET /orders?page=2 HTTP/1.1" 200 5123 "-" "curl/8.5"}.
     * Lines that are not in that format are counted as malformed and otherwise ignored; a response size
     * of {@code -} counts as zero bytes; paths are grouped without their query string.
     */
    public static TrafficSummary summarize(List<String> lines) {
        Map<Integer, Integer> statusCounts = new TreeMap<>();
        Map<String, Long> bytesByPath = new HashMap<>();
        int requests = 0;
        int malformed = 0;
        long totalBytes = 0;
        for (String line : lines) {
            Matcher m = Pattern.compile("^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] \"([A-Z]+) (\\S+) HTTP/[0-9.]+\" (\\d{3}) (\\d+|-)")
                    .matcher(line);
            if (!m.find()) {
                malformed++;
                continue;
            }
            String path = m.group(4);
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            int status = Integer.parseInt(m.group(5));
            long bytes = m.group(6).equals("-") ? 0 : Long.parseLong(m.group(6));
            requests++;
            totalBytes += bytes;
            statusCounts.merge(status, 1, Integer::sum);
            bytesByPath.merge(path, bytes, Long::sum);
        }
        return new TrafficSummary(requests, malformed, totalBytes, statusCounts, bytesByPath);
    }
}
