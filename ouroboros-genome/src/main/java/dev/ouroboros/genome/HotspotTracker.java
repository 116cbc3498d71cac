package dev.ouroboros.genome;

import dev.ouroboros.genome.internal.SampleAggregator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Finds the program's hot methods from JFR {@code jdk.ExecutionSample} events.
 *
 * <p>In process, a {@link RecordingStream} samples every Java thread (default period 20 ms, the
 * JDK's low-overhead default; JFR samples at most a few threads per period). Each sample is
 * charged to the first frame, from the top of the stack, whose class has source in the genome: a
 * hot {@code String} concatenation is charged to the program method that does it, not to the JDK
 * code that copies the bytes. Samples in which no frame has source are counted apart. Threads whose
 * names start with {@code ouroboros-} are ignored, so the engine never finds itself hot. Scores
 * decay with a half-life, so the ranking follows what is hot now. Each {@link Hotspot} also carries
 * its samples per source line ({@link Hotspot#lineSamples()}): the hot lines inside the hot method.
 * Lambda bodies are charged to the region whose lines enclose them; constructor frames
 * ({@code <init>}) to the constructor that ran or the instance initializer block of the line, class
 * initializer frames ({@code <clinit>}) to the static initializer block of the line. Nothing about
 * the samples is thrown: classes without source and methods without region are only counted.
 */
public final class HotspotTracker implements AutoCloseable {

    /** The default sampling period: JFR's low-overhead profiling default. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(20);

    private final SampleAggregator aggregator;
    private final Duration period;
    private RecordingStream stream;

    private HotspotTracker(SourceGenome genome, Duration period, Duration halfLife) {
        Objects.requireNonNull(genome, "genome must not be null");
        requirePositive(period, "period");
        requirePositive(halfLife, "halfLife");
        this.period = period;
        this.aggregator = new SampleAggregator(genome, halfLife);
    }

    /** Creates an in-process tracker with the default 20 ms period and a 30 s half-life. */
    public static HotspotTracker inProcess(SourceGenome genome) {
        return inProcess(genome, DEFAULT_PERIOD, Duration.ofSeconds(30));
    }

    /** Creates an in-process tracker; call {@link #start()} to begin sampling. */
    public static HotspotTracker inProcess(SourceGenome genome, Duration period, Duration halfLife) {
        return new HotspotTracker(genome, period, halfLife);
    }

    /**
     * Ranks the methods of a JFR recording file (offline mode).
     *
     * @return hot methods, hottest first; never null
     */
    public static List<Hotspot> fromRecording(Path jfrFile, SourceGenome genome) {
        return fromRecording(jfrFile, genome, null);
    }

    /**
     * Ranks the methods of a JFR recording file (offline mode), keeping those the filter accepts, for
     * example {@code h -> true} for every attributed method, static initializers and unmapped ones too.
     *
     * @return hot methods, hottest first; never null
     */
    public static List<Hotspot> fromRecording(Path jfrFile, SourceGenome genome, Predicate<Hotspot> filter) {
        HotspotTracker tracker = new HotspotTracker(genome, DEFAULT_PERIOD, Duration.ofDays(3650));
        try (EventStream events = EventStream.openFile(jfrFile)) {
            events.onEvent("jdk.ExecutionSample", tracker::accept);
            events.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JFR recording " + jfrFile, e);
        }
        return filter == null ? tracker.ranking() : tracker.ranking(filter);
    }

    /** Starts sampling in the background; calling it twice is an error. */
    public synchronized void start() {
        if (stream != null) {
            throw new IllegalStateException("tracker already started");
        }
        RecordingStream rs = new RecordingStream();
        rs.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
        // Samples are only counted and decayed: sorting each flushed chunk by time would cost the
        // stream thread CPU for nothing (a late sample is charged as of the newest one, a 30 s
        // half-life makes that difference negligible).
        rs.setOrdered(false);
        rs.setReuse(true);
        rs.onEvent("jdk.ExecutionSample", this::accept);
        rs.startAsync();
        stream = rs;
    }

    /** Stops sampling; the ranking stays readable. Safe to call more than once. */
    public synchronized void stop() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /**
     * Returns hot methods, hottest first, only those that map to a genome region that a live patch can
     * change: methods, constructors and instance initializers. Static initializers are left out (they
     * have run by the time anything is swapped, and a redefinition never runs them again); list them
     * with {@link #ranking(Predicate)}.
     */
    public List<Hotspot> ranking() {
        return aggregator.ranking(h -> h.region().filter(r -> r.kind() != RegionKind.STATIC_INITIALIZER).isPresent());
    }

    /** Returns every attributed method, hottest first, whether or not a region maps it. */
    public List<Hotspot> ranking(Predicate<Hotspot> filter) {
        return aggregator.ranking(filter);
    }

    /** Returns how many samples were seen in total (excluding Ouroboros's own threads). */
    public long totalSamples() {
        return aggregator.totalSamples();
    }

    /** Returns how many samples had no frame with source (JDK or library code only). */
    public long samplesWithoutSource() {
        return aggregator.samplesWithoutSource();
    }

    /**
     * Returns how many samples were charged to a method with source that maps to no region (for
     * example compiler-generated members, field initializers of a class with no constructor or static
     * block of its own, several static blocks and a line in none, or a class whose file no longer parses).
     */
    public long samplesWithoutRegion() {
        return aggregator.samplesWithoutRegion();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(RecordedEvent event) {
        aggregator.accept(event);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name + " must not be null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
