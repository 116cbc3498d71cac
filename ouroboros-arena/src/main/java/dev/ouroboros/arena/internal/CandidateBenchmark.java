package dev.ouroboros.arena.internal;

import dev.ouroboros.arena.ArenaWorkload;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The precompiled JMH benchmark that times a candidate whose classes exist only at run time. JMH
 * generates its stubs when the arena is built; {@code FinalistBenchmark} runs it with one
 * {@link #candidate} value per candidate (the original among them), each in its own fork.
 *
 * <p>In the fork, {@link #load()} reads the {@link HarnessLayout} named by the system property
 * {@value HarnessLayout#DIRECTORY_PROPERTY}, defines the candidate's classes in a fresh child-first
 * {@link CandidateClassLoader} over the user's class path (test classes and the workload class
 * child-first too, so they link against this candidate), and prepares the workload. The original
 * is loaded the same way, so both start equally cold.
 */
@State(Scope.Benchmark)
public class CandidateBenchmark {

    /** The candidate to time: its directory under the layout's {@code candidates/}. */
    @Param({"original"})
    public String candidate;

    private ClassLoader loader;
    private ClassLoader userLoader;
    private ArenaWorkload workload;

    /** Loads the candidate and prepares the workload, once per fork. */
    @Setup(Level.Trial)
    public void load() throws Exception {
        String directory = System.getProperty(HarnessLayout.DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            throw new IllegalStateException("system property " + HarnessLayout.DIRECTORY_PROPERTY
                    + " must name the harness directory; run this benchmark through FinalistBenchmark");
        }
        HarnessLayout layout = HarnessLayout.read(Path.of(directory));
        userLoader = layout.userLoader(CandidateBenchmark.class.getClassLoader());
        List<String> childFirst = new ArrayList<>(layout.testClasses());
        if (!layout.workloadClass().isEmpty()) {
            childFirst.add(layout.workloadClass());
        }
        loader = new CandidateClassLoader(candidate, userLoader, layout.readClasses(candidate), childFirst);
        if (layout.workloadClass().isEmpty()) {
            workload = ArenaWorkload.junitTests(layout.testClasses());
        } else {
            Class<?> type = Class.forName(layout.workloadClass(), true, loader);
            if (!ArenaWorkload.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("workload class " + type.getName() + " must implement "
                        + ArenaWorkload.class.getName() + " (loaded by " + ArenaWorkload.class.getClassLoader() + ")");
            }
            workload = (ArenaWorkload) type.getConstructor().newInstance();
        }
        workload.setUp(loader);
    }

    /** One operation of the workload against this candidate. */
    @Benchmark
    public void measure(Blackhole blackhole) throws Throwable {
        workload.run(loader, blackhole);
    }

    /** Closes the user class-path loader this fork opened. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (userLoader instanceof Closeable c && userLoader != CandidateBenchmark.class.getClassLoader()) {
            c.close();
        }
    }
}
