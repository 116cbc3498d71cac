package dev.ouroboros.genome.internal;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.Hotspot;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Aggregates execution samples into time-decayed per-method scores.
 *
 * <p>Each method keeps a score that decays exponentially with the configured half-life between
 * samples, so one number per method is enough to rank by recent heat. Each method also counts its
 * samples per source line (the line of the attributed frame), and that line picks the region when
 * the name alone does not: among overloads, and for lambda bodies ({@code lambda$render$0}), whose
 * samples are charged to the region of the same class whose source lines enclose them.
 */
public final class SampleAggregator {

    private final SourceGenome genome;
    private final double lambdaPerNano;
    private final Map<String, Boolean> hasSource = new ConcurrentHashMap<>();
    private final Function<String, Boolean> sourceLookup = this::sourceExists; // one instance, not one per frame
    private final Map<MethodKey, Counter> counters = new HashMap<>();
    /** Stands for "no source" in {@link #byMethod}; never counts anything. */
    private static final Counter NO_SOURCE = new Counter();
    /** Per method object of the current chunks (identity: JFR's objects do not override equals). */
    private final Map<RecordedMethod, Counter> byMethod = new WeakHashMap<>();
    private final Map<RecordedThread, Boolean> ignoredThreads = new WeakHashMap<>();
    private long total;
    private long withoutSource;

    public SampleAggregator(SourceGenome genome, Duration halfLife) {
        this.genome = genome;
        this.lambdaPerNano = Math.log(2) / halfLife.toNanos();
    }

    /**
     * Charges one sample to the first frame with source. JFR hands out one {@link RecordedMethod}
     * object per method in a chunk (its constant pool), so each method's source lookup and key are
     * made once per chunk and later frames of it cost one identity lookup; nearly every sample's stack
     * is a new object (bytecode indexes and lines differ), so stacks are not worth caching. The caches
     * hold their keys weakly: a chunk's objects go when the stream moves on.
     */
    public synchronized void accept(RecordedEvent event) {
        RecordedThread thread = event.getThread("sampledThread");
        if (thread != null && ignoredThreads.computeIfAbsent(thread, SampleAggregator::isOwnThread)) {
            return;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null) {
            return;
        }
        total++;
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            RecordedMethod method = frame.getMethod();
            Counter counter = byMethod.get(method);
            if (counter == null) {
                counter = counterOf(method);
                byMethod.put(method, counter);
            }
            if (counter != NO_SOURCE) {
                counter.add(event.getStartTime(), lambdaPerNano, frame.getLineNumber());
                return;
            }
        }
        withoutSource++;
    }

    private static boolean isOwnThread(RecordedThread thread) {
        String name = thread.getJavaName();
        return name != null && name.startsWith("ouroboros-");
    }

    /** The counter of a method with source, or {@link #NO_SOURCE}. */
    private Counter counterOf(RecordedMethod method) {
        String className = method.getType().getName();
        if (!hasSource.computeIfAbsent(className, sourceLookup)) {
            return NO_SOURCE;
        }
        return counters.computeIfAbsent(new MethodKey(className, method.getName(), method.getDescriptor()),
                k -> new Counter());
    }

    public synchronized long totalSamples() {
        return total;
    }

    public synchronized long samplesWithoutSource() {
        return withoutSource;
    }

    /** Returns how many attributed samples fell in methods that map to no region (e.g. generated code). */
    public synchronized long samplesWithoutRegion() {
        long n = 0;
        Map<String, List<GenomeRegion>> files = new HashMap<>();
        for (Map.Entry<MethodKey, Counter> e : counters.entrySet()) {
            if (regionOf(e.getKey(), e.getValue().hottestLine(), files).isEmpty()) {
                n += e.getValue().samples;
            }
        }
        return n;
    }

    /** Ranks the methods, hottest first, decayed to the newest sample's time. */
    public synchronized List<Hotspot> ranking(Predicate<Hotspot> filter) {
        Instant now = counters.values().stream().map(c -> c.last).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        List<Hotspot> out = new ArrayList<>();
        Map<String, List<GenomeRegion>> files = new HashMap<>();
        for (Map.Entry<MethodKey, Counter> e : counters.entrySet()) {
            MethodKey k = e.getKey();
            Counter c = e.getValue();
            Hotspot h = new Hotspot(k.className(), k.method(), k.descriptor(), c.samples, c.scoreAt(now, lambdaPerNano),
                    regionOf(k, c.hottestLine(), files), new TreeMap<>(c.lines));
            if (filter.test(h)) {
                out.add(h);
            }
        }
        out.sort(Comparator.comparingDouble(Hotspot::score).reversed().thenComparing(Hotspot::displayName));
        return out;
    }

    private boolean sourceExists(String className) {
        return genome.hasSource(className);
    }

    /**
     * The region of a method; {@code files} holds the regions of each class already asked for in this
     * pass, so that a class with many hot methods is listed (read, hashed, walked) once.
     */
    private Optional<GenomeRegion> regionOf(MethodKey key, int line, Map<String, List<GenomeRegion>> files) {
        List<GenomeRegion> file = files.computeIfAbsent(key.className(), className -> {
            try {
                return genome.regions(className);
            } catch (OuroborosException e) {
                return List.of(); // a broken or vanished file: recorded in the genome's problems()
            }
        });
        return FrameRegions.regionOf(file, key.className(), key.method(), key.descriptor(), line);
    }

    private record MethodKey(String className, String method, String descriptor) {
    }

    private static final class Counter {
        long samples;
        double score;
        Instant last = Instant.EPOCH;
        final Map<Integer, Long> lines = new HashMap<>();

        void add(Instant at, double lambda, int line) {
            score = scoreAt(at, lambda) + 1.0;
            if (line >= 1) {
                lines.merge(line, 1L, Long::sum);
            }
            if (at.isAfter(last)) {
                last = at;
            }
            samples++;
        }

        int hottestLine() {
            return lines.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse(-1);
        }

        double scoreAt(Instant at, double lambda) {
            if (last.equals(Instant.EPOCH)) {
                return score;
            }
            long dt = Duration.between(last, at).toNanos();
            return dt <= 0 ? score : score * Math.exp(-lambda * dt);
        }
    }
}
