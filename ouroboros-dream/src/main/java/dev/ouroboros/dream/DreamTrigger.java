package dev.ouroboros.dream;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Why and with what allowance a dream session started: the sample that found the machine idle, how long it had
 * been quiet, and the wall and CPU time the budget granted the session.
 *
 * @param at             when the session was started; never null
 * @param quietFor       how long every threshold had held; at least the idle time
 * @param wallAllowance  wall time granted: the session is asked to stop when it has run this long
 * @param cpuAllowance   CPU time granted to the session's dream workers
 * @param sample         the sample that started the session; never null
 */
public record DreamTrigger(Instant at, Duration quietFor, Duration wallAllowance, Duration cpuAllowance,
                           ActivitySample sample) {

    public DreamTrigger {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sample, "sample");
        for (Duration d : new Duration[] {quietFor, wallAllowance, cpuAllowance}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("trigger durations must not be negative, was " + d);
            }
        }
    }

    /** Returns when the session will be asked to stop at the latest: {@code at + wallAllowance}. */
    public Instant wallDeadline() {
        return at.plus(wallAllowance);
    }
}
