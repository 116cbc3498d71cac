package dev.ouroboros.dream;

/**
 * Memory in use, judged against the cgroup memory limit where one is lower than physical memory.
 *
 * @param usedBytes  bytes in use (cgroup usage without inactive page cache, or physical total minus available),
 *                   or -1 when unknown
 * @param limitBytes the bytes this process may use (cgroup limit or physical total), or -1 when unknown
 */
public record MemoryMetrics(long usedBytes, long limitBytes) {

    public MemoryMetrics {
        if (limitBytes == -1 || usedBytes == -1) {
            if (limitBytes != -1 || usedBytes != -1) {
                throw new IllegalArgumentException(
                        "usedBytes and limitBytes must both be known or both be -1, were " + usedBytes + " and " + limitBytes);
            }
        } else if (limitBytes <= 0 || usedBytes < 0) {
            throw new IllegalArgumentException(
                    "limitBytes must be positive and usedBytes not negative, were " + limitBytes + " and " + usedBytes);
        }
    }

    /** Returns memory metrics that could not be read. */
    public static MemoryMetrics unknown() {
        return new MemoryMetrics(-1, -1);
    }

    /** Returns a reading with the given fraction of a 16 GiB limit in use; meant for scripted tests. */
    public static MemoryMetrics ofFraction(double usedFraction) {
        if (!(usedFraction >= 0 && usedFraction <= 1)) {
            throw new IllegalArgumentException("usedFraction must be between 0 and 1, was " + usedFraction);
        }
        long limit = 16L << 30;
        return new MemoryMetrics(Math.round(limit * usedFraction), limit);
    }

    /** Returns whether the reading is known. */
    public boolean known() {
        return limitBytes > 0;
    }

    /** Returns the fraction of the limit in use (may pass 1 when usage exceeds the limit), or NaN when unknown. */
    public double usedFraction() {
        return known() ? (double) usedBytes / limitBytes : Double.NaN;
    }
}
