package dev.ouroboros.arena;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param evidence      the suites the worker ran as evidence: {@code "differential"} (one case per
 *                      method: {@code pkg.Foo#name(desc)}, with the inputs tried in its message) when
 *                      the gate ran; never null
 * @param differentialInputs generated and recorded inputs the differential gate compared in all; 0 when it did not run
 * @param phases        where the worker's time went, in order: {@code load} (loaders, test classes),
 *                      {@code original-tests}, {@code mutant-tests}, {@code differential}, {@code timing};
 *                      only the phases that ran; empty when the worker sent none (a crash, a limit); never null
 */
public record SandboxVerdict(String candidateId, SandboxOutcome outcome, String detail, int testsRun,
        List<Long> originalNanos, List<Long> mutantNanos, Duration wallTime, List<TestSuite> evidence,
        int differentialInputs, Map<String, Duration> phases) {

    /** A verdict without evidence. */
    public SandboxVerdict(String candidateId, SandboxOutcome outcome, String detail, int testsRun,
            List<Long> originalNanos, List<Long> mutantNanos, Duration wallTime) {
        this(candidateId, outcome, detail, testsRun, originalNanos, mutantNanos, wallTime, List.of(), 0, Map.of());
    }

    /** Validates and copies. */
    public SandboxVerdict {
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(phases, "phases")));
        if (differentialInputs < 0) {
            throw new IllegalArgumentException("differentialInputs must be at least 0, was " + differentialInputs);
        }
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

    /** The evidence suite named {@code name} ({@code "differential"}), if the worker ran it. */
    public Optional<TestSuite> suite(String name) {
        return evidence.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The same verdict under another candidate id and wall time (a cache hit). */
    SandboxVerdict reissued(String id, Duration wall) {
        return new SandboxVerdict(id, outcome, detail, testsRun, originalNanos, mutantNanos, wall, evidence,
                differentialInputs, phases);
    }

    /** The paired timing screen; only meaningful when {@link #passed()}, otherwise it has 0 rounds. */
    public TimingComparison timing() {
        return TimingComparison.of(originalNanos, mutantNanos);
    }
}
