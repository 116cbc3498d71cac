package dev.ouroboros.dream;

/**
 * Disk activity over the interval since the previous sample, summed over all physical disks OSHI reports
 * (from {@code HWDiskStore} read and write counter deltas).
 *
 * @param opsPerSecond   disk read plus write operations per second, or NaN when unknown
 * @param bytesPerSecond bytes read plus written per second, or NaN when unknown
 */
public record IoMetrics(double opsPerSecond, double bytesPerSecond) {

    public IoMetrics {
        requireRateOrNaN("opsPerSecond", opsPerSecond);
        requireRateOrNaN("bytesPerSecond", bytesPerSecond);
    }

    /** Returns I/O metrics that could not be read. */
    public static IoMetrics unknown() {
        return new IoMetrics(Double.NaN, Double.NaN);
    }

    /** Returns whether the operation rate is known. */
    public boolean known() {
        return !Double.isNaN(opsPerSecond);
    }

    private static void requireRateOrNaN(String name, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be a finite rate >= 0 or NaN, was " + value);
        }
    }
}
