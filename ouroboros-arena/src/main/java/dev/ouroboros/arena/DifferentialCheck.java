package dev.ouroboros.arena;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The differential gate of a {@link SandboxRequest}: after the mutant passed the tests, every
 * method whose body the mutant changed is called, in the worker, on generated inputs and on
 * recorded real inputs, once through the original's classes and once through the mutant's; the
 * results (deep equality), the exception types and the state of the receiver and the arguments
 * after the call must be equal, else the verdict is {@link SandboxOutcome#DIFFERENTIAL_MISMATCH}.
 *
 * <p>Generated inputs come from a {@link java.util.SplittableRandom} seeded with {@code seed}, the
 * method and the input's index, so the same seed gives the same inputs in every worker.
 *
 * @param enabled          false skips the gate (the verdict then carries no differential evidence)
 * @param seed             the seed of the generated inputs
 * @param inputsPerMethod  generated inputs per changed method, at most; at least 0 (0: recorded inputs only)
 * @param timePerMethod    time per changed method for both versions' calls together, after which no
 *                         further generated input is tried; at least 10 ms
 * @param recordedInputs   real argument tuples to replay first, for any class and method of the
 *                         candidate; never null
 */
public record DifferentialCheck(boolean enabled, long seed, int inputsPerMethod, Duration timePerMethod,
        List<RecordedInput> recordedInputs) {

    /** The seed of {@link #defaults()}. */
    public static final long DEFAULT_SEED = 0x0DB0_B0A5L;

    /** Validates and copies. */
    public DifferentialCheck {
        Objects.requireNonNull(timePerMethod, "timePerMethod");
        recordedInputs = List.copyOf(Objects.requireNonNull(recordedInputs, "recordedInputs"));
        if (inputsPerMethod < 0 || inputsPerMethod > 100_000) {
            throw new IllegalArgumentException("inputsPerMethod must be between 0 and 100000, was " + inputsPerMethod);
        }
        if (timePerMethod.toMillis() < 10 || timePerMethod.toMinutes() > 10) {
            throw new IllegalArgumentException("timePerMethod must be between 10 ms and 10 min, was " + timePerMethod);
        }
    }

    /** On: seed {@link #DEFAULT_SEED}, 50 generated inputs and 200 ms per changed method, no recorded inputs. */
    public static DifferentialCheck defaults() {
        return new DifferentialCheck(true, DEFAULT_SEED, 50, Duration.ofMillis(200), List.of());
    }

    /** Off: the tests (and timing) decide alone. */
    public static DifferentialCheck disabled() {
        return new DifferentialCheck(false, DEFAULT_SEED, 0, Duration.ofMillis(200), List.of());
    }

    /** The same check with another seed. */
    public DifferentialCheck withSeed(long newSeed) {
        return new DifferentialCheck(enabled, newSeed, inputsPerMethod, timePerMethod, recordedInputs);
    }

    /** The same check with another per-method budget. */
    public DifferentialCheck withBudget(int inputs, Duration time) {
        return new DifferentialCheck(enabled, seed, inputs, time, recordedInputs);
    }

    /** The same check that also replays {@code inputs}. */
    public DifferentialCheck withRecordedInputs(List<RecordedInput> inputs) {
        return new DifferentialCheck(enabled, seed, inputsPerMethod, timePerMethod, inputs);
    }
}
