package dev.ouroboros.arena;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a sandbox worker concluded about one candidate. Every misbehaviour of a candidate ends
 * here, never as an exception in the host.
 *
 * @param candidateId   the request's candidate id
 * @param outcome       how the evaluation ended
 * @param detail        the first failing test and its message, the timeout's phase, or the crash
 *                      cause with the tail of the worker's stderr; empty when passed; never null
 * @param testsRun      tests run in the deciding run (the mutant's, or the original's when that failed)
 * @param originalNanos the original's timed rounds in nanoseconds, paired with {@code mutantNanos};
 *                      empty unless passed
 * @param mutantNanos   the mutant's timed rounds in nanoseconds; empty unless passed
 * @param wallTime      host-side time from the request to the verdict
 */
public record SandboxVerdict(String candidateId, SandboxOutcome outcome, String detail, int testsRun,
        List<Long> originalNanos, List<Long> mutantNanos, Duration wallTime) {

    /** Validates and copies. */
    public SandboxVerdict {
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(wallTime, "wallTime");
        originalNanos = List.copyOf(originalNanos);
        mutantNanos = List.copyOf(mutantNanos);
        if (originalNanos.size() != mutantNanos.size()) {
            throw new IllegalArgumentException("timed rounds must be paired, were "
                    + originalNanos.size() + " and " + mutantNanos.size());
        }
        if (testsRun < 0) {
            throw new IllegalArgumentException("testsRun must be at least 0, was " + testsRun);
        }
    }

    /** True when the mutant passed every test the original passes, in the sandbox. */
    public boolean passed() {
        return outcome == SandboxOutcome.PASSED;
    }

    /** The paired timing screen; only meaningful when {@link #passed()}, otherwise it has 0 rounds. */
    public TimingComparison timing() {
        return TimingComparison.of(originalNanos, mutantNanos);
    }
}
