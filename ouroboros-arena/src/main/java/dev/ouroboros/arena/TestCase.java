package dev.ouroboros.arena;

import java.time.Duration;
import java.util.Objects;

/**
 * One test the arena ran against a candidate, as evidence on its verdict: a JUnit test method or one
 * differential check, with its outcome and how long it took.
 *
 * @param name     the test's display name, e.g. {@code OrderReportTest.refundsAreNegative()}; not blank
 * @param outcome  how it ended; never null
 * @param duration how long it ran; not negative, never null
 * @param message  why it failed or was aborted (first line of the throwable); empty when it passed; never null
 */
public record TestCase(String name, Outcome outcome, Duration duration, String message) {

    /** How a test ended. */
    public enum Outcome {
        /** Ran to the end without a failure. */
        PASSED,
        /** An assertion or an exception failed it. */
        FAILED,
        /** It did not run to the end (an assumption, a time limit, a crash of its worker). */
        ABORTED,
        /** It was not run (disabled, or an earlier gate rejected the candidate). */
        SKIPPED
    }

    /** Validates the fields. */
    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(message, "message");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a test case needs a name, was '" + name + "'");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
    }

    /** A passed test. */
    public static TestCase passed(String name, Duration duration) {
        return new TestCase(name, Outcome.PASSED, duration, "");
    }

    /** A failed test with the reason. */
    public static TestCase failed(String name, Duration duration, String message) {
        return new TestCase(name, Outcome.FAILED, duration, message);
    }

    /** True when the outcome is {@link Outcome#PASSED}. */
    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
