package dev.ouroboros.arena;

/**
 * Counters of one {@link Sandbox}'s life, for monitoring and for tests that prove workers are reused.
 *
 * @param evaluations    candidates evaluated by a worker (cache hits not counted)
 * @param cacheHits      candidates answered from the result cache
 * @param workersStarted worker JVMs started, replacements included
 * @param workersRetired worker JVMs destroyed because they died, hung, misbehaved, leaked or served
 *                       their quota
 */
public record SandboxStatistics(long evaluations, long cacheHits, long workersStarted, long workersRetired) {

    /** Validates that every counter is at least 0. */
    public SandboxStatistics {
        if (evaluations < 0 || cacheHits < 0 || workersStarted < 0 || workersRetired < 0) {
            throw new IllegalArgumentException("counters must be at least 0, were " + evaluations + ", " + cacheHits
                    + ", " + workersStarted + ", " + workersRetired);
        }
    }
}
