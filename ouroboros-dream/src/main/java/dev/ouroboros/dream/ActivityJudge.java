package dev.ouroboros.dream;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether one sample is quiet under the thresholds, after taking the dream workers' own CPU out.
 * Runs on every sample, so it allocates nothing on the quiet path and formats text only when asked.
 */
final class ActivityJudge {

    /** Why a sample is not quiet. */
    enum Over {
        CPU_UNREADABLE("CPU load unreadable"),
        MEMORY_UNREADABLE("memory use unreadable"),
        DISK_UNREADABLE("disk activity unreadable"),
        CPU("CPU load"),
        MEMORY("memory use"),
        DISK("disk operations per second");

        private final String label;

        Over(String label) {
            this.label = label;
        }

        boolean unreadable() {
            return this == CPU_UNREADABLE || this == MEMORY_UNREADABLE || this == DISK_UNREADABLE;
        }

        /** Describes the crossing for a log line, with the sample's value and the threshold. */
        String describe(IdleThresholds t, ActivitySample s, double dreamLoad) {
            return switch (this) {
                case CPU -> String.format(Locale.ROOT, "%s %.3f >= %.3f", label, activityCpu(s, dreamLoad), t.maxCpuLoad());
                case MEMORY -> String.format(Locale.ROOT, "%s %.3f >= %.3f", label, s.memory().usedFraction(), t.maxMemoryUsed());
                case DISK -> String.format(Locale.ROOT, "%s %.1f >= %.1f", label, s.io().opsPerSecond(), t.maxDiskOpsPerSecond());
                default -> label;
            };
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Optional<Over>[] REASONS = reasons();

    private ActivityJudge() {
    }

    /**
     * Returns why the sample is not quiet, or empty when every metric was read and is under its threshold.
     *
     * @param dreamLoad the dream workers' CPU over the same interval as a fraction of capacity, 0 when none
     */
    static Optional<Over> overThreshold(IdleThresholds t, ActivitySample s, double dreamLoad) {
        Over over = null;
        if (!s.cpu().known()) {
            over = Over.CPU_UNREADABLE;
        } else if (!s.memory().known()) {
            over = Over.MEMORY_UNREADABLE;
        } else if (!s.io().known()) {
            over = Over.DISK_UNREADABLE;
        } else if (activityCpu(s, dreamLoad) >= t.maxCpuLoad()) {
            over = Over.CPU;
        } else if (s.memory().usedFraction() >= t.maxMemoryUsed()) {
            over = Over.MEMORY;
        } else if (s.io().opsPerSecond() >= t.maxDiskOpsPerSecond()) {
            over = Over.DISK;
        }
        return over == null ? Optional.empty() : REASONS[over.ordinal()];
    }

    /** Returns the sample's CPU load without the dream workers' share, never below 0. */
    static double activityCpu(ActivitySample s, double dreamLoad) {
        double excluded = Double.isNaN(dreamLoad) || dreamLoad < 0 ? 0 : dreamLoad;
        return Math.max(0, s.cpu().load() - excluded);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Over>[] reasons() {
        Over[] all = Over.values();
        Optional<Over>[] result = new Optional[all.length];
        for (Over o : all) {
            result[o.ordinal()] = Optional.of(o);
        }
        return result;
    }
}
