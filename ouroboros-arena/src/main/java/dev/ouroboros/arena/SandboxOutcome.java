package dev.ouroboros.arena;

/** How a candidate's evaluation in a sandbox worker ended. Only {@link #PASSED} lets it go on. */
public enum SandboxOutcome {
    /** The original and the mutant passed the same tests, and both were timed. */
    PASSED,
    /** The mutant failed a test the original passes (also during timing), or ran a different number of tests. */
    TESTS_FAILED,
    /** The original fails its own tests, or a test class cannot load: the tests are broken, not the mutant. */
    ORIGINAL_TESTS_FAILED,
    /** The test classes hold no test the JUnit Platform can run. */
    NO_TESTS_FOUND,
    /** No verdict before the timeout; the worker halted itself or was destroyed. */
    TIMED_OUT,
    /** The worker died without a result: {@code System.exit}, out of memory, a JVM crash, or a worker that cannot start. */
    WORKER_CRASHED
}
