package dev.ouroboros.arena;

/** How a candidate's evaluation in a sandbox worker ended. Only {@link #PASSED} lets it go on. */
public enum SandboxOutcome {
    /** The original and the mutant passed the same tests and the differential gate, and both were timed. */
    PASSED,
    /** The mutant failed a test the original passes (also during timing), or ran a different number of tests. */
    TESTS_FAILED,
    /**
     * The mutant passed the tests but differs from the original on a generated or recorded input: another
     * result, another exception type, or another state of the receiver or the arguments after the call.
     */
    DIFFERENTIAL_MISMATCH,
    /** The original fails its own tests, or a test class cannot load: the tests are broken, not the mutant. */
    ORIGINAL_TESTS_FAILED,
    /** The test classes hold no test the JUnit Platform can run. */
    NO_TESTS_FOUND,
    /** A mutant run passed its time limit (a factor of the original's run plus a constant), or the evaluation its absolute cap. */
    TIMED_OUT,
    /** The worker died without a result: {@code System.exit}, {@code Runtime.halt}, a JVM crash, or a worker that cannot start. */
    WORKER_CRASHED,
    /** The candidate filled the worker's heap (the watchdog's 90% limit, or the JVM's out-of-memory exit). */
    MEMORY_EXHAUSTED,
    /** The mutant's tests left threads running that the original's do not. */
    THREADS_LEAKED,
    /** The mutant's tests printed more than the per-run output limit. */
    OUTPUT_FLOODED,
    /**
     * An in-process sandbox refused to run the candidate: it runs only candidates marked as coming
     * from a semantics-preserving operator ({@link SandboxRequest#semanticsPreserving()}).
     */
    REFUSED
}
