package dev.ouroboros.genome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The genome benchmark behind {@code scripts/bench genome} (a main class, not a unit test).
 *
 * <p>Measures, on commons-lang3's main sources: a full parse + regions + call graph in a cold JVM;
 * the re-parse of one changed file (a median-sized one and the largest); and the throughput of a
 * CPU-bound workload with and without a {@link HotspotTracker} at the default 20 ms period, the two
 * interleaved in one run so that the ratio compares like with like on a shared machine.
 *
 * <p>Arguments: the unpacked commons-lang3 sources directory, and the module's test source root
 * (the genome the tracker maps samples to, so attribution is measured too), then any key=value
 * figures to add to the RESULT line. With {@code --full-only} instead of the test source root it
 * measures only the full build and prints {@code FULL key=value ...}.
 */
public final class GenomeBench {

    private GenomeBench() {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        List<String> result = new ArrayList<>();
        if (args.length > 1 && args[1].equals("--full-only")) {
            // Run by the script in a second JVM with other flags; its figures are passed back to the main run.
            full(sources, result);
            System.out.println("FULL " + String.join(" ", result));
            return;
        }
        Path testSources = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            result.add(args[i]); // figures measured by an earlier JVM of the same run, as key=value
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cpus, java "
                + System.getProperty("java.version") + ", load average at start " + loadAverage());
        full(sources, result);
        incremental(sources, result);
        overhead(testSources, result);
        consumerCost(testSources, result);
        System.out.println("load average at end " + loadAverage());
        result.add("load=" + loadAverage().split(" ")[0]);
        System.out.println("RESULT genome " + String.join(" ", result));
    }

    private static void full(Path sources, List<String> result) {
        long cpu0 = processCpuNanos();
        long main0 = mainCpuNanos();
        long t0 = System.nanoTime();
        SourceGenome genome = SourceGenome.of(List.of(sources));
        int files = genome.classNames().size();
        int regions = genome.allRegions().size();
        long tParsed = System.nanoTime();
        long cpuParsed = processCpuNanos();
        long mainParsed = mainCpuNanos();
        DependencyGraph graph = DependencyGraph.build(genome);
        long t1 = System.nanoTime();
        long cpu = processCpuNanos() - cpu0;
        long graphMain = mainCpuNanos() - mainParsed;
        CallResolution r = graph.resolution();
        System.out.printf(Locale.ROOT, "full: %d files, %d regions, %d problems, parse+regions %d ms, call graph %d ms,"
                + " total %d ms wall, %d ms process CPU (parse+regions %d ms on all cores, call graph %d ms, of"
                + " which %d ms on the resolving thread)%n", files, regions, genome.problems().size(), ms(tParsed - t0),
                ms(t1 - tParsed), ms(t1 - t0), ms(cpu), ms(cpuParsed - cpu0), ms(cpu0 + cpu - cpuParsed),
                ms(graphMain));
        System.out.printf(Locale.ROOT, "call graph: %d region vertices, %d call edges, %d classes, %d recursive"
                + " components; %s%n", graph.regionIds().size(), graph.callEdgeCount(), graph.classNames().size(),
                graph.stronglyConnectedComponents().size(), r);
        r.unresolvedSamples().stream().limit(8).forEach(s -> System.out.println("  unresolved: " + s));
        result.add("files=" + files);
        result.add("regions=" + regions);
        result.add("full_ms=" + ms(t1 - t0));
        result.add("full_cpu_ms=" + ms(cpu));
        result.add("parse_ms=" + ms(tParsed - t0));
        result.add("parse_cpu_ms=" + ms(cpuParsed - cpu0));
        result.add("graph_main_cpu_ms=" + ms(graphMain));
        // The same-run baseline: how many parses of the sources the whole build costs, in wall and CPU time.
        result.add(String.format(Locale.ROOT, "full_over_parse=%.2f", (double) (t1 - t0) / (tParsed - t0)));
        result.add(String.format(Locale.ROOT, "full_over_parse_cpu=%.2f", (double) cpu / (cpuParsed - cpu0)));
        result.add(String.format(Locale.ROOT, "resolved_pct=%.2f", 100 * r.resolvedRatio()));
    }

    /** CPU time of the calling thread (the one that resolves the call graph). */
    private static long mainCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void incremental(Path sources, List<String> result) throws IOException {
        Path copy = Files.createTempDirectory("genome-bench");
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = copy.resolve(sources.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        SourceGenome genome = SourceGenome.of(List.of(copy));
        genome.allRegions();
        String median = medianSizedClass(genome);
        double medianMs = reparse(genome, median);
        double largestMs = reparse(genome, "org.apache.commons.lang3.StringUtils");
        System.out.printf(Locale.ROOT, "incremental re-parse (median of 15 edits): %s %.1f ms, StringUtils (9.6k lines)"
                + " %.1f ms%n", median, medianMs, largestMs);
        result.add(String.format(Locale.ROOT, "incremental_ms=%.1f", medianMs));
        result.add(String.format(Locale.ROOT, "incremental_largest_ms=%.1f", largestMs));
    }

    private static String medianSizedClass(SourceGenome genome) throws IOException {
        List<String> names = genome.classNames();
        long[][] sized = new long[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            sized[i] = new long[] {Files.size(genome.sourceFile(names.get(i)).orElseThrow()), i};
        }
        Arrays.sort(sized, (a, b) -> Long.compare(a[0], b[0]));
        return names.get((int) sized[sized.length / 2][1]);
    }

    /** Edits one method's body 15 times and times the re-parse + regions that follow each edit. */
    private static double reparse(SourceGenome genome, String className) throws IOException {
        Path file = genome.sourceFile(className).orElseThrow();
        String original = Files.readString(file);
        int closing = original.lastIndexOf('}');
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            Files.writeString(file, original.substring(0, closing) + "    static int bench" + i + "() { return " + i
                    + "; }\n}\n");
            long t0 = System.nanoTime();
            int n = genome.regions(className).size();
            times[i] = (System.nanoTime() - t0) / 1e6;
            if (n == 0) {
                throw new IllegalStateException("no regions after edit of " + className);
            }
        }
        Files.writeString(file, original);
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static void overhead(Path testSources, List<String> result) {
        SourceGenome genome = SourceGenome.of(List.of(testSources));
        for (int i = 0; i < 3; i++) {
            Workload.run(Duration.ofMillis(1000)); // warm up: JIT settled before anything is compared
        }
        tracked(genome); // JFR's one-time start-up in this JVM is not what a running tracker costs
        // Tracked/untracked pairs, interleaved with untracked/untracked control pairs that measure the
        // noise floor of this machine in the same run: a ratio inside the control's spread says nothing.
        int pairs = 12;
        double[] wall = new double[pairs];
        double[] cpu = new double[pairs];
        double[] other = new double[pairs];
        double[] controlWall = new double[pairs / 2];
        double[] controlCpu = new double[pairs / 2];
        for (int i = 0; i < pairs; i++) {
            // Alternate which side goes first so that drift on the shared machine cancels out.
            Phase off;
            Phase on;
            if (i % 2 == 0) {
                off = untracked();
                on = tracked(genome);
            } else {
                on = tracked(genome);
                off = untracked();
            }
            other[i] = on.otherCpuMsPerSecond() - off.otherCpuMsPerSecond();
            wall[i] = on.opsPerWallSecond() / off.opsPerWallSecond();
            cpu[i] = on.opsPerCpuSecond() / off.opsPerCpuSecond();
            if (i % 2 == 1) {
                Phase a = untracked();
                Phase b = untracked();
                controlWall[i / 2] = a.opsPerWallSecond() / b.opsPerWallSecond();
                controlCpu[i / 2] = a.opsPerCpuSecond() / b.opsPerCpuSecond();
            }
        }
        double wallMedian = median(wall);
        double cpuMedian = median(cpu);
        double noise = median(deviations(controlCpu));
        System.out.printf(Locale.ROOT, "tracker overhead: %d interleaved pairs of %d ms at the default 20 ms period;"
                + " throughput with/without tracker: wall median %.4f (quartiles %.4f-%.4f), per process CPU second"
                + " median %.4f (quartiles %.4f-%.4f); control pairs without tracker (noise floor): wall median %.4f,"
                + " CPU median %.4f, median |1 - ratio| %.4f%n", pairs, PHASE.toMillis(), wallMedian, quartile(wall, 1),
                quartile(wall, 3), cpuMedian, quartile(cpu, 1), quartile(cpu, 3), median(controlWall),
                median(controlCpu), noise);
        result.add(String.format(Locale.ROOT, "tracker_throughput_ratio=%.4f", wallMedian));
        result.add(String.format(Locale.ROOT, "tracker_cpu_ratio=%.4f", cpuMedian));
        result.add(String.format(Locale.ROOT, "tracker_cpu_ratio_q1=%.4f", quartile(cpu, 1)));
        result.add(String.format(Locale.ROOT, "tracker_cpu_ratio_q3=%.4f", quartile(cpu, 3)));
        result.add(String.format(Locale.ROOT, "control_noise=%.4f", noise));
        // What the tracker adds on other threads per wall second does not depend on how much CPU the
        // starved workload thread got: on an idle machine, where it gets a whole core, this over 1000
        // is the tracker's share.
        System.out.printf(Locale.ROOT, "tracker's extra CPU on other threads (JFR): median %.1f ms per wall second"
                + " (quartiles %.1f to %.1f)%n", median(other), quartile(other, 1), quartile(other, 3));
        result.add(String.format(Locale.ROOT, "tracker_other_cpu_ms_per_s=%.1f", median(other)));
    }

    /**
     * The tracker's own work per sample, on one thread's CPU clock: a recording of the workload at the
     * default period, replayed through the tracker (reading the file and charging every sample). Unlike
     * a throughput ratio it does not drown in the noise of a shared machine; it leaves out only JFR's
     * sampler, which stops the sampled thread for a stack walk.
     */
    private static void consumerCost(Path testSources, List<String> result) throws IOException {
        SourceGenome genome = SourceGenome.of(List.of(testSources));
        Path file = Files.createTempFile("genome-bench", ".jfr");
        try {
            try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(HotspotTracker.DEFAULT_PERIOD).withStackTrace();
                recording.start();
                Workload.run(Duration.ofMillis(3000));
                recording.stop();
                recording.dump(file);
            }
            long events = jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample")).count();
            for (int i = 0; i < 5; i++) {
                HotspotTracker.fromRecording(file, genome); // warm up the reader and the aggregator
            }
            int replays = 20;
            long cpu0 = mainCpuNanos();
            for (int i = 0; i < replays; i++) {
                HotspotTracker.fromRecording(file, genome);
            }
            double perSampleUs = (mainCpuNanos() - cpu0) / 1e3 / (replays * Math.max(1, events));
            // One busy thread is sampled once per period: that many samples per second of its work.
            double share = perSampleUs * 1e-6 * (1000.0 / HotspotTracker.DEFAULT_PERIOD.toMillis());
            System.out.printf(Locale.ROOT, "tracker consumer cost: %d samples in the recording, %.1f us of CPU per"
                    + " sample (read + charge), %.3f%% of one busy thread's CPU at the default period%n", events,
                    perSampleUs, 100 * share);
            result.add(String.format(Locale.ROOT, "tracker_us_per_sample=%.1f", perSampleUs));
            result.add(String.format(Locale.ROOT, "tracker_consumer_pct=%.3f", 100 * share));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double[] deviations(double[] ratios) {
        double[] out = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            out[i] = Math.abs(1 - ratios[i]);
        }
        return out;
    }

    /** The first or third quartile (q = 1 or 3), by linear interpolation on the sorted values. */
    private static double quartile(double[] values, int q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = (sorted.length - 1) * q / 4.0;
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    private static final Duration PHASE = Duration.ofMillis(1000);
    private static final Duration SETTLE = Duration.ofMillis(300);
    /**
     * How long a fresh tracker runs before its side is measured. Its first second costs JFR several
     * times its steady rate (starting the recording, the stream reading the event metadata): a
     * one-time cost per profiling session, not the running cost the goal is about.
     */
    private static final Duration TRACKER_SETTLE = Duration.ofMillis(2000);

    /** One measured stretch of the workload: operations, wall time and the whole process's CPU time. */
    private record Phase(long ops, long wallNanos, long cpuNanos, long workloadCpuNanos) {
        /** CPU of every thread but the workload's (JIT, GC, JFR), in milliseconds per wall second. */
        double otherCpuMsPerSecond() {
            return (cpuNanos - workloadCpuNanos) / 1e6 / (wallNanos / 1e9);
        }

        double opsPerWallSecond() {
            return ops / (wallNanos / 1e9);
        }

        /** Robust to other processes on a shared machine, and it charges JFR's own threads to the tracker. */
        double opsPerCpuSecond() {
            return ops / (cpuNanos / 1e9);
        }
    }

    private static Phase measure() {
        long cpu0 = processCpuNanos();
        long main0 = mainCpuNanos();
        long t0 = System.nanoTime();
        long ops = Workload.ops(PHASE);
        return new Phase(ops, System.nanoTime() - t0, processCpuNanos() - cpu0, mainCpuNanos() - main0);
    }

    private static Phase untracked() {
        Workload.run(SETTLE);
        return measure();
    }

    /** Runs the workload under a started tracker, measured once the recording is up and streaming. */
    private static Phase tracked(SourceGenome genome) {
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome)) {
            tracker.start();
            Workload.run(TRACKER_SETTLE);
            Phase phase = measure();
            tracker.stop();
            return phase;
        }
    }

    private static double median(double[] values) {
        values = values.clone();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A CPU-bound kernel: sorting and hashing arrays, no allocation in the steady state. */
    static final class Workload {
        static volatile long sink;

        static double run(Duration d) {
            long start = System.nanoTime();
            long ops = ops(d);
            return ops / ((System.nanoTime() - start) / 1e9);
        }

        static long ops(Duration d) {
            int[] data = new int[4096];
            long seed = 42;
            long ops = 0;
            long start = System.nanoTime();
            long end = start + d.toNanos();
            while (System.nanoTime() < end) {
                for (int i = 0; i < data.length; i++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    data[i] = (int) (seed >>> 33);
                }
                Arrays.sort(data);
                sink += Arrays.hashCode(data);
                ops++;
            }
            return ops;
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
