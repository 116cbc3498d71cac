package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.JUnitTestsWorkload;
import java.util.List;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The operation that JMH times for a finalist: what "one call of the hot code" means for this
 * program. It runs inside the JMH fork, against a class loader that holds one candidate's classes.
 *
 * <p>A user-provided workload is a public class with a public no-argument constructor on the
 * benchmark class path (named with {@link FinalistBenchmark.Builder#workloadClass(String)}). It is
 * loaded through the candidate's loader, child-first, so it may call the target class directly and
 * statically typed; every candidate gets its own instance. Without one, the built-in workload
 * {@link #junitTests(List)} calls the target's JUnit test methods reflectively.
 */
public interface ArenaWorkload {

    /**
     * Prepares the workload once per candidate, before warm-up (look up methods, build inputs).
     *
     * @param candidateLoader the loader that defines the candidate's classes; never null
     * @throws Exception when the workload cannot be prepared; the candidate's benchmark then fails
     */
    default void setUp(ClassLoader candidateLoader) throws Exception {
    }

    /**
     * Runs one operation. Results must go to {@code blackhole} so that the JIT cannot remove the work.
     *
     * @param candidateLoader the same loader that {@link #setUp} received
     * @param blackhole       JMH's sink for results; never null
     * @throws Throwable anything the candidate throws; the candidate's benchmark then fails
     */
    void run(ClassLoader candidateLoader, Blackhole blackhole) throws Throwable;

    /**
     * The built-in workload: one operation is one pass over every {@code @Test} method (JUnit Jupiter,
     * no parameters) of the given classes, in name order, each on a fresh instance with its
     * {@code @BeforeEach} and {@code @AfterEach} methods, invoked reflectively through the candidate's
     * loader (no JUnit launcher per operation). {@code @BeforeAll} methods run once in {@link #setUp}.
     *
     * @param testClassNames binary names of the test classes; not empty
     */
    static ArenaWorkload junitTests(List<String> testClassNames) {
        return new JUnitTestsWorkload(testClassNames);
    }
}
