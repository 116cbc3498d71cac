package dev.ouroboros.genome;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One hot method as the JFR execution samples saw it, attributed to the first frame that has source.
 *
 * @param className   binary name of the class that declares the method
 * @param methodName  the method name
 * @param descriptor  the JVM method descriptor, e.g. {@code (Ljava/util/List;)Ljava/lang/String;}
 * @param samples     how many execution samples were attributed to this method
 * @param score       the time-decayed sample count used for ranking (higher is hotter)
 * @param region      the genome region of the method, when the genome maps it
 * @param lineSamples samples per source line of the attributed frame (1-based line to count, sorted by
 *                    line; samples without line information are left out), never null
 */
public record Hotspot(String className, String methodName, String descriptor, long samples, double score,
        Optional<GenomeRegion> region, SortedMap<Integer, Long> lineSamples) {

    /** Validates the hotspot and freezes its line counts. */
    public Hotspot {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        Objects.requireNonNull(descriptor, "descriptor must not be null");
        Objects.requireNonNull(region, "region must not be null");
        Objects.requireNonNull(lineSamples, "lineSamples must not be null");
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative, was " + samples);
        }
        long perLine = 0;
        for (Map.Entry<Integer, Long> e : lineSamples.entrySet()) {
            if (e.getKey() < 1 || e.getValue() < 1) {
                throw new IllegalArgumentException("lineSamples must map lines >= 1 to counts >= 1, had "
                        + e.getKey() + "=" + e.getValue());
            }
            perLine += e.getValue();
        }
        if (perLine > samples) {
            throw new IllegalArgumentException("lineSamples must not add up to more than samples (" + samples
                    + "), added up to " + perLine);
        }
        lineSamples = Collections.unmodifiableSortedMap(new TreeMap<>(lineSamples));
    }

    /** Creates a hotspot without line counts (the shape before hot lines were tracked). */
    public Hotspot(String className, String methodName, String descriptor, long samples, double score,
            Optional<GenomeRegion> region) {
        this(className, methodName, descriptor, samples, score, region, new TreeMap<>());
    }

    /**
     * Returns the hottest source lines, most samples first (ties by line).
     *
     * @param limit how many lines at most, positive
     * @return 1-based line numbers, never null
     */
    public List<Integer> hotLines(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return lineSamples.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    /** Returns {@code pkg.Class#method} for messages. */
    public String displayName() {
        return className + "#" + methodName;
    }
}
