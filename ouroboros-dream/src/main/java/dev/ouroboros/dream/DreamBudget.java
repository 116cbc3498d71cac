package dev.ouroboros.dream;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much a dream may cost: wall time and CPU time per session and per day, a pause between sessions, and
 * whether dreaming is allowed on battery.
 *
 * <p>CPU time is what the session's registered dream workers (its own thread, plus threads and processes it
 * registers) consume. A day is the calendar day of the scheduler's clock zone in which a session starts;
 * a session is granted at most what is left of its day's budget.
 *
 * @param sessionWallTime      longest a session may run; default 30 minutes
 * @param sessionCpuTime       most CPU time a session may use; default 30 minutes
 * @param dailyWallTime        most wall time all sessions of a day may run; default 4 hours
 * @param dailyCpuTime         most CPU time all sessions of a day may use; default 4 hours
 * @param pauseBetweenSessions least time between a session that ended without activity and the next; default 1 minute
 * @param batteryFloorPercent  empty: never dream on battery (default); present: dream on battery only above this charge
 */
public record DreamBudget(Duration sessionWallTime, Duration sessionCpuTime, Duration dailyWallTime,
                          Duration dailyCpuTime, Duration pauseBetweenSessions, OptionalInt batteryFloorPercent) {

    public DreamBudget {
        requirePositive("sessionWallTime", sessionWallTime);
        requirePositive("sessionCpuTime", sessionCpuTime);
        requirePositive("dailyWallTime", dailyWallTime);
        requirePositive("dailyCpuTime", dailyCpuTime);
        Objects.requireNonNull(pauseBetweenSessions, "pauseBetweenSessions");
        if (pauseBetweenSessions.isNegative()) {
            throw new IllegalArgumentException("pauseBetweenSessions must not be negative, was " + pauseBetweenSessions);
        }
        Objects.requireNonNull(batteryFloorPercent, "batteryFloorPercent");
        if (batteryFloorPercent.isPresent()
                && (batteryFloorPercent.getAsInt() < 0 || batteryFloorPercent.getAsInt() > 100)) {
            throw new IllegalArgumentException(
                    "batteryFloorPercent must be between 0 and 100, was " + batteryFloorPercent.getAsInt());
        }
    }

    /** Returns the default budget (see the component descriptions). */
    public static DreamBudget defaults() {
        return builder().build();
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether a machine with this power state may dream.
     *
     * @param power the power source, empty when the machine has none (then always true)
     */
    public boolean allowsPower(java.util.Optional<PowerMetrics> power) {
        if (power.isEmpty() || !power.get().onBattery()) {
            return true;
        }
        return batteryFloorPercent.isPresent() && power.get().remainingPercent() > batteryFloorPercent.getAsInt();
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Builds a {@link DreamBudget}; every value is checked at {@link #build()}. */
    public static final class Builder {
        private Duration sessionWallTime = Duration.ofMinutes(30);
        private Duration sessionCpuTime = Duration.ofMinutes(30);
        private Duration dailyWallTime = Duration.ofHours(4);
        private Duration dailyCpuTime = Duration.ofHours(4);
        private Duration pauseBetweenSessions = Duration.ofMinutes(1);
        private OptionalInt batteryFloorPercent = OptionalInt.empty();

        private Builder() {
        }

        /** Sets the longest a session may run; positive. */
        public Builder sessionWallTime(Duration value) {
            this.sessionWallTime = value;
            return this;
        }

        /** Sets the most CPU time one session may use; positive. */
        public Builder sessionCpuTime(Duration value) {
            this.sessionCpuTime = value;
            return this;
        }

        /** Sets the most wall time the sessions of one day may run; positive. */
        public Builder dailyWallTime(Duration value) {
            this.dailyWallTime = value;
            return this;
        }

        /** Sets the most CPU time the sessions of one day may use; positive. */
        public Builder dailyCpuTime(Duration value) {
            this.dailyCpuTime = value;
            return this;
        }

        /** Sets the least time between a session that ended without activity and the next; not negative. */
        public Builder pauseBetweenSessions(Duration value) {
            this.pauseBetweenSessions = value;
            return this;
        }

        /** Forbids dreaming on battery (the default). */
        public Builder neverOnBattery() {
            this.batteryFloorPercent = OptionalInt.empty();
            return this;
        }

        /** Allows dreaming on battery while the charge is above {@code percent} (0 to 100). */
        public Builder onBatteryAbove(int percent) {
            this.batteryFloorPercent = OptionalInt.of(percent);
            return this;
        }

        /**
         * Returns the budget.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public DreamBudget build() {
            return new DreamBudget(sessionWallTime, sessionCpuTime, dailyWallTime, dailyCpuTime,
                    pauseBetweenSessions, batteryFloorPercent);
        }
    }
}
