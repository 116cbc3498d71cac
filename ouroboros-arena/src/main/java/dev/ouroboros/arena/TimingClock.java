package dev.ouroboros.arena;

/**
 * What the timing screen measures of each test method, summed over one run of the tests.
 */
public enum TimingClock {
    /** Elapsed time ({@code System.nanoTime()}): what a user waits for, but every other process on the machine adds noise. */
    WALL,
    /**
     * CPU time of the worker's Java threads plus the garbage-collection time during each test: far
     * less noise on a shared machine, because time spent waiting for a core does not count. Work on
     * pools and helper threads counts (a parallel mutant is charged for all its cores), but a thread
     * that starts and ends within one test takes its CPU time with it, and JIT-compiler threads are
     * not Java threads, so neither is counted. Falls back to {@link #WALL} where the JVM cannot
     * measure thread CPU time.
     */
    THREAD_CPU
}
