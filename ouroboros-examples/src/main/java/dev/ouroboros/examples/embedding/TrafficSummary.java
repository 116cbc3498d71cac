package dev.ouroboros.examples.embedding;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an access log says about the traffic it records.
 *
 * @param requests     well-formed request lines
 * @param malformed    lines that are not in the combined log format
 * @param totalBytes   response bytes of all requests
 * @param statusCounts requests per HTTP status, by status
 * @param bytesByPath  response bytes per path (query string removed), by path
 */
public record TrafficSummary(int requests, int malformed, long totalBytes, Map<Integer, Integer> statusCounts,
        Map<String, Long> bytesByPath) {

    /** Copies the maps into unmodifiable ones; equal traffic gives equal summaries. */
    public TrafficSummary {
        statusCounts = Map.copyOf(statusCounts);
        bytesByPath = Map.copyOf(bytesByPath);
    }

    /** Returns the {@code n} paths that served the most bytes, most first; ties in path order. */
    public List<String> topPaths(int n) {
        return bytesByPath.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Returns the summary as one line, statuses and top three paths in a fixed order. */
    public String oneLine() {
        return requests + " requests, " + malformed + " malformed, " + totalBytes + " bytes, statuses "
                + new TreeMap<>(statusCounts) + ", top paths " + topPaths(3);
    }
}
