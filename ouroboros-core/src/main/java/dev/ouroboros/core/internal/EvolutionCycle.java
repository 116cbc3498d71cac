package dev.ouroboros.core.internal;

import dev.ouroboros.arena.AcceptanceCriteria;
import dev.ouroboros.arena.ClassFileVersion;
import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.DifferentialCheck;
import dev.ouroboros.arena.RecordedInput;
import dev.ouroboros.arena.FitnessScore;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.arena.Sandbox;
import dev.ouroboros.arena.SandboxRequest;
import dev.ouroboros.arena.SandboxVerdict;
import dev.ouroboros.arena.TestCase;
import dev.ouroboros.arena.TestSuite;
import dev.ouroboros.arena.TimingClock;
import dev.ouroboros.arena.TimingComparison;
import dev.ouroboros.core.ApprovalMode;
import dev.ouroboros.core.CandidateReport;
import dev.ouroboros.core.CandidateStage;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.EvolutionOutcome;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.WinnerEvidence;
import dev.ouroboros.genome.GenomeChecksum;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.mutation.MutationCandidate;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionStatistics;
import dev.ouroboros.mutation.strategy.MutationStrategy;
import dev.ouroboros.mutation.strategy.OperatorBandit;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.mutation.MutationSeverity;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchRejectedException;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import dev.ouroboros.core.internal.watch.InputRecording;
import org.objectweb.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evolution cycle: target, fidelity, mutate, cascade, select, approve, patch.
 *
 * <p>Cheap gates run first (compile, redefinability), the sandbox worker JVM only for survivors;
 * the host program never runs a candidate that did not pass every gate.
 */
public final class EvolutionCycle {

    private static final Logger LOG = LoggerFactory.getLogger(EvolutionCycle.class);
    /** Distinct real inputs kept per target method for the differential check. */
    private static final int RECORDED_PER_METHOD = 32;

    private final EvolutionConfig config;
    private final SourceGenome genome;
    private final LivePatcher patcher;
    private final InMemoryCompiler compiler;
    private final Listeners listeners;
    private final TargetResolver targets;
    private final BooleanSupplier stopRequested;
    private final WinnerApplier applier;
    private final Consumer<WinnerApplier.Prepared> enqueue;
    private final StageClock clock = new StageClock();
    private final EngineState state;
    private final long cycleSeed;

    public EvolutionCycle(EvolutionConfig config, SourceGenome genome, LivePatcher patcher, InMemoryCompiler compiler,
            Listeners listeners, TargetResolver targets, BooleanSupplier stopRequested, WinnerApplier applier,
            Consumer<WinnerApplier.Prepared> enqueue, EngineState state, long cycleSeed) {
        this.state = state;
        this.cycleSeed = cycleSeed;
        this.applier = applier;
        this.enqueue = enqueue;
        this.config = config;
        this.genome = genome;
        this.patcher = patcher;
        this.compiler = compiler;
        this.listeners = listeners;
        this.targets = targets;
        this.stopRequested = stopRequested;
    }

    /** Runs the cycle; never throws for bad input or misbehaving candidates: the result says what happened. */
    public EvolutionResult run() {
        String cycleId = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now();
        listeners.fire(l -> l.onCycleStart(cycleId, start));
        EvolutionResult result;
        try {
            result = evolve(cycleId, start);
        } catch (OuroborosException | PatchRejectedException e) {
            result = skipped(cycleId, start, e.getMessage());
        }
        EvolutionResult done = result;
        LOG.info("cycle {} {}: {}", done.cycleId(), done.outcome(), done.message());
        listeners.fire(l -> l.onCycleComplete(done));
        return done;
    }

    private EvolutionResult evolve(String cycleId, Instant start) {
        TargetResolver.Target target = clock.time("target", targets::resolve);
        for (GenomeRegion region : target.regions()) {
            listeners.fire(l -> l.onTargetChosen(cycleId, region.id(), target.why()));
        }
        Class<?> liveClass = target.liveClass();
        String topLevel = target.regions().get(0).topLevelClassName();
        List<String> tests = targets.testClassesFor(topLevel);

        byte[] liveBytes = clock.time("fidelity", () -> patcher.currentBytes(liveClass));
        int release = ClassFileVersion.releaseOf(liveBytes);
        CompilationResult original;
        try {
            original = clock.time("fidelity", () -> SourceFidelity.verify(compiler, genome, config.classpath(),
                    topLevel, Map.of(liveClass.getName(), liveBytes)));
        } catch (OuroborosException e) {
            return skipped(cycleId, start, e.getMessage());
        }
        String liveFingerprint = ClassFingerprint.of(liveBytes);
        // A dry run never touches the live class, not even with a recording copy.
        List<RecordedInput> recorded = config.differential() && !config.recordWindow().isZero()
                && config.approval() != ApprovalMode.DISABLED
                ? clock.time("record", () -> recordInputs(cycleId, liveClass, liveBytes, target.regions()))
                : List.of();

        // Learning: the operators' success so far (from the durable history) weights the bandit that
        // spends this cycle's candidate budget; the seed makes the draw replayable.
        OperatorBandit bandit = OperatorBandit.of(target.operatorNames());
        EvolutionStatistics statistics = state.statistics();
        for (String operator : target.operatorNames()) {
            EvolutionStatistics.Counts counts = statistics.operator(operator);
            bandit.record(operator, counts.faster(), counts.candidates() - counts.faster());
        }
        MutationStrategy strategy = MutationStrategy.bandit(target.operators(), bandit);
        RandomGenerator random = new SplittableRandom(cycleSeed);
        List<MutationCandidate> candidates = new ArrayList<>();
        for (GenomeRegion region : target.regions()) {
            candidates.addAll(clock.time("mutate", () -> strategy.propose(genome, region, config.maxCandidates(), random)));
        }
        List<String> regionIds = target.regions().stream().map(GenomeRegion::id).toList();
        if (candidates.isEmpty()) {
            return new EvolutionResult(cycleId, EvolutionOutcome.SKIPPED, "no operator of " + target.operatorNames()
                    + " applies to " + regionIds, regionIds, List.of(), Optional.empty(), since(start), clock.snapshot());
        }
        candidates = candidates.subList(0, Math.min(candidates.size(), config.maxCandidates()));

        List<CandidateReport> reports = new ArrayList<>();
        Finalist best = null;
        List<Finalist> finalists = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().workerClasspath(config.classpath()).timeout(config.sandboxTimeout())
                .timingClock(config.timingClock())
                .build()) {
            for (MutationCandidate candidate : candidates) {
                if (stopRequested.getAsBoolean()) {
                    return new EvolutionResult(cycleId, EvolutionOutcome.ABORTED, "stopped before candidate "
                            + candidate.id() + "; nothing was swapped", regionIds, reports, Optional.empty(), since(start), clock.snapshot());
                }
                listeners.fire(l -> l.onMutationGenerated(cycleId, candidate));
                Evaluation evaluation = evaluate(cycleId, candidate, original, tests, release, sandbox, recorded);
                reports.add(evaluation.report());
                listeners.fire(l -> l.onCandidateEvaluated(cycleId, evaluation.report()));
                if (evaluation.finalist() != null) {
                    finalists.add(evaluation.finalist());
                }
                if (evaluation.finalist() != null
                        && (best == null || evaluation.finalist().timing().speedup() > best.timing().speedup())) {
                    best = evaluation.finalist();
                }
            }
        }
        if (stopRequested.getAsBoolean()) {
            return new EvolutionResult(cycleId, EvolutionOutcome.ABORTED, "stopped after the last candidate's"
                    + " evaluation; nothing was swapped", regionIds, reports, Optional.empty(), since(start), clock.snapshot());
        }
        if (best == null) {
            return new EvolutionResult(cycleId, outcomeWithoutWinner(reports), summary(reports), regionIds, reports,
                    Optional.empty(), since(start), clock.snapshot());
        }
        if (config.jmhFinalists() > 0) {
            Finalist screenBest = best;
            best = clock.time("jmh", () -> confirmWithJmh(original, finalists, tests, reports));
            if (best == null) {
                return new EvolutionResult(cycleId, EvolutionOutcome.NO_IMPROVEMENT, "JMH did not confirm the timing"
                        + " screen's finalists (best on the screen: " + screenBest.candidate().operator() + " "
                        + String.format(Locale.ROOT, "%.2fx", screenBest.timing().speedup()) + "); nothing was swapped",
                        regionIds, reports, Optional.empty(), since(start), clock.snapshot());
            }
        }
        return select(cycleId, start, best, liveClass, liveFingerprint, regionIds, reports);
    }

    /**
     * Measures the screen's fastest finalists with JMH against the original and lets a tournament over their
     * fitness pick among those JMH proves faster; the others are journaled as not faster, with JMH's reason.
     *
     * @return the chosen finalist with the JMH figures added to its evidence, or null when none was confirmed
     */
    private Finalist confirmWithJmh(CompilationResult original, List<Finalist> finalists, List<String> tests,
            List<CandidateReport> reports) {
        List<FinalistRound.Entry> entries = finalists.stream().map(f -> new FinalistRound.Entry(f.candidate().id(),
                f.mutantClasses(), f.suites(), f.timing().speedup())).toList();
        FinalistRound.Decision decision;
        try {
            decision = FinalistRound.run(original.classes(), entries, config.jmhFinalists(), tests, config.classpath(),
                    AcceptanceCriteria.defaults().withMinSpeedup(config.minSpeedup()), new SplittableRandom(cycleSeed));
        } catch (RuntimeException e) {
            // Asked for JMH and JMH cannot run: an unconfirmed winner must not go live.
            LOG.warn("JMH could not measure the finalists: {}", e.getMessage());
            decision = null;
        }
        Finalist chosen = null;
        for (Finalist f : finalists) {
            String id = f.candidate().id();
            var score = decision == null ? null : decision.scores().get(id);
            if (decision != null && decision.winner().filter(id::equals).isPresent()) {
                chosen = new Finalist(f.candidate(), f.timing(), f.changedClasses(), f.evidence() + "; JMH "
                        + score.reason(), f.timingEvidence(), f.mutantClasses(), f.suites(), Optional.of(score));
            } else if (decision == null || score != null && !score.improvement()) {
                String why = decision == null ? "JMH could not measure it" : "JMH " + score.reason();
                state.history().transition(id, HistoryStatus.NOT_FASTER, why);
                reports.replaceAll(r -> r.candidateId().equals(id) ? new CandidateReport(id, r.operator(),
                        CandidateStage.NOT_FASTER, r.detail() + "; " + why, r.speedup()) : r);
            }
        }
        return chosen;
    }

    /**
     * The program's own calls of the target methods, recorded for the differential check while the program runs;
     * empty when it does not call them in the window or the class cannot be recorded (the reason is logged).
     */
    private List<RecordedInput> recordInputs(String cycleId, Class<?> liveClass, byte[] liveBytes,
            List<GenomeRegion> regions) {
        Predicate<String> chosen = key -> {
            String name = key.substring(0, key.indexOf('('));
            int arity = Type.getArgumentTypes(key.substring(key.indexOf('('))).length;
            return regions.stream().anyMatch(r -> r.className().equals(liveClass.getName()) && r.memberName().equals(name)
                    && (r.parameters().isEmpty() ? 0 : r.parameters().split(",").length) == arity);
        };
        InputRecording.Result result = new InputRecording(patcher, stopRequested).record(cycleId + "~record", liveClass,
                liveBytes, chosen, config.recordWindow(), RECORDED_PER_METHOD);
        return result.inputs();
    }

    private Evaluation evaluate(String cycleId, MutationCandidate candidate, CompilationResult original, List<String> tests, int release,
            Sandbox sandbox, List<RecordedInput> recorded) {
        CompilationResult mutant = clock.time("compile", () -> compiler.compile(
                Map.of(candidate.className(), candidate.mutatedSource()), config.classpath(), release));
        if (!mutant.success()) {
            return rejected(candidate, CandidateStage.COMPILE_FAILED, first(mutant.diagnostics()));
        }
        if (!mutant.classes().keySet().containsAll(original.classes().keySet())) {
            return rejected(candidate, CandidateStage.NOT_REDEFINABLE, "removes classes: "
                    + original.classes().keySet() + " -> " + mutant.classes().keySet());
        }
        Map<String, byte[]> changed = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : mutant.classes().entrySet()) {
            byte[] before = original.classes().get(e.getKey());
            if (before == null) {
                // A new class of the unit (a memo table): the patcher defines it beside the target before the
                // swap, so it must be a top-level class of the target's package, not a new nested one.
                String pkg = candidate.className().contains(".")
                        ? candidate.className().substring(0, candidate.className().lastIndexOf('.') + 1) : "";
                String simple = e.getKey().substring(pkg.length());
                if (!e.getKey().startsWith(pkg) || simple.contains(".") || simple.contains("$")) {
                    return rejected(candidate, CandidateStage.NOT_REDEFINABLE, "adds class " + e.getKey()
                            + ", which is not a top-level class of the package of " + candidate.className());
                }
                changed.put(e.getKey(), e.getValue());
            } else if (!Arrays.equals(before, e.getValue())) {
                PreflightReport preflight = PreflightCheck.check(before, e.getValue());
                if (!preflight.redefinable()) {
                    return rejected(candidate, CandidateStage.NOT_REDEFINABLE, preflight.violations().get(0).message());
                }
                changed.put(e.getKey(), e.getValue());
            }
        }
        if (changed.isEmpty()) {
            return rejected(candidate, CandidateStage.NOT_REDEFINABLE, "compiles to the same bytes as the original");
        }
        listeners.fire(l -> l.onTestStarted(cycleId, candidate.id(), tests));
        SandboxVerdict verdict = clock.time("sandbox", () -> sandbox.evaluate(new SandboxRequest(candidate.id(),
                original.classes(), mutant.classes(), tests, config.warmupRounds(), config.measuredRounds())
                .withDifferential(config.differential() ? DifferentialCheck.defaults().withSeed(cycleSeed)
                        .withRecordedInputs(recorded) : DifferentialCheck.disabled())));
        listeners.fire(l -> l.onTestCompleted(cycleId, candidate.id(), verdict.outcome().name(), verdict.detail()));
        switch (verdict.outcome()) {
            case PASSED -> {
                TimingComparison timing = verdict.timing();
                String detail = String.format(Locale.ROOT, "%d tests passed; median %.2f ms -> %.2f ms %s, faster in %.0f%%"
                        + " of %d paired rounds, Mann-Whitney p=%.4f, A12=%.2f", verdict.testsRun(),
                        timing.originalMedianNanos() / 1e6, timing.mutantMedianNanos() / 1e6,
                        config.timingClock() == TimingClock.WALL ? "wall" : "CPU",
                        timing.mutantWinFraction() * 100, timing.rounds(), timing.pValue(), timing.a12());
                // Faster only when a rank test on the paired rounds says so, with a real effect size and
                // the configured minimum speed-up - never on one noisy number.
                if (timing.isImprovement(AcceptanceCriteria.defaults().withMinSpeedup(config.minSpeedup()))) {
                    CandidateReport report = new CandidateReport(candidate.id(), candidate.operator(), CandidateStage.FASTER,
                            detail, timing.speedup());
                    WinnerEvidence evidence = WinnerEvidence.of(verdict.originalNanos(), verdict.mutantNanos(),
                            timing.pValue(), timing.a12(), cycleSeed);
                    return new Evaluation(report, new Finalist(candidate, timing, changed, detail, evidence,
                            mutant.classes(), passedSuites(tests, verdict), Optional.empty()));
                }
                return new Evaluation(new CandidateReport(candidate.id(), candidate.operator(), CandidateStage.NOT_FASTER,
                        detail, timing.speedup()), null);
            }
            case TESTS_FAILED -> {
                return rejected(candidate, CandidateStage.TESTS_FAILED, verdict.detail());
            }
            case DIFFERENTIAL_MISMATCH -> {
                // The tests passed, but the mutant answers differently from the original on an input they miss.
                return rejected(candidate, CandidateStage.TESTS_FAILED, "differential check: " + verdict.detail());
            }
            case ORIGINAL_TESTS_FAILED -> throw new OuroborosException("the tests " + tests
                    + " fail on the unmodified class: " + verdict.detail() + " — fix the tests or name others with tests=");
            default -> {
                return rejected(candidate, CandidateStage.SANDBOX_FAILED, verdict.outcome() + ": " + verdict.detail());
            }
        }
    }

    private EvolutionResult select(String cycleId, Instant start, Finalist best, Class<?> liveClass,
            String liveFingerprint, List<String> regionIds, List<CandidateReport> reports) {
        MutationCandidate c = best.candidate();
        TimingComparison t = best.timing();
        Map<String, String> hashes = new LinkedHashMap<>();
        best.changedClasses().forEach((name, bytes) -> hashes.put(name, GenomeChecksum.sha256(bytes)));
        String speed = String.format(Locale.ROOT, "%.2fx", t.speedup());
        // "3.87x (JMH: speed-up 9.81x, p=0.0022, A12=1.00)": the JMH run's verdict beside the screen's figure.
        speed += best.jmh().map(j -> String.format(Locale.ROOT, " (JMH: speed-up %.2fx, p=%.4f, A12=%.2f)", j.speedup(),
                j.pValue(), j.a12())).orElse("");
        Winner w = winner(c, t, hashes, false);
        if (config.approval() == ApprovalMode.DISABLED) {
            return new EvolutionResult(cycleId, EvolutionOutcome.IMPROVED, "dry run: " + c.operator() + " is " + speed
                    + " faster on the tests' workload; not applied (approval=disabled)", regionIds, reports, Optional.of(w),
                    since(start), clock.snapshot());
        }
        String evidence = best.evidence();
        PendingApproval approval = new PendingApproval("a-" + cycleId + "-" + c.id().substring(0, Math.min(6, c.id().length())),
                cycleId, w, c.severity(), evidence, Instant.now());
        WinnerApplier.Prepared prepared = new WinnerApplier.Prepared(approval, best.changedClasses(), () -> liveClass,
                liveFingerprint);
        applier.record(prepared, best.timingEvidence());
        boolean automatic = config.approval() == ApprovalMode.AUTOMATIC
                || (config.approval() == ApprovalMode.APPROVE_MAJOR && c.severity() == MutationSeverity.MINOR);
        if (!automatic) {
            applier.queued(prepared);
            enqueue.accept(prepared);
            return new EvolutionResult(cycleId, EvolutionOutcome.IMPROVED, c.operator() + " (" + c.severity()
                    + ") is " + speed + " faster; waiting for approval " + approval.id() + " (approval="
                    + config.approval().name().toLowerCase(Locale.ROOT) + ")", regionIds, reports, Optional.of(w),
                    since(start), clock.snapshot());
        }
        try {
            WinnerApplier.Swap swap = clock.time("patch", () -> applier.apply(prepared,
                    config.approval() == ApprovalMode.AUTOMATIC ? "automatic" : "approve-major"));
            return switch (swap.kind()) {
                case HEALTHY, UNWATCHED -> new EvolutionResult(cycleId, EvolutionOutcome.IMPROVED, c.operator()
                        + " made " + c.regionId() + " " + speed + " faster on the tests' workload; swapped in; "
                        + swap.detail(), regionIds, reports, Optional.of(swap.winner()), since(start), clock.snapshot());
                case REGRESSED -> new EvolutionResult(cycleId, EvolutionOutcome.ROLLED_BACK, c.operator() + " made "
                        + c.regionId() + " " + speed + " faster on the tests' workload, but " + swap.detail(), regionIds,
                        reports, Optional.of(swap.winner()), since(start), clock.snapshot());
                case ABORTED -> new EvolutionResult(cycleId, EvolutionOutcome.ABORTED, swap.detail(), regionIds,
                        reports, Optional.of(swap.winner()), since(start), clock.snapshot());
            };
        } catch (OuroborosException e) {
            return new EvolutionResult(cycleId, EvolutionOutcome.REJECTED, e.getMessage(), regionIds, reports,
                    Optional.empty(), since(start), clock.snapshot());
        }
    }

    private static Winner winner(MutationCandidate c, TimingComparison t, Map<String, String> hashes, boolean applied) {
        return new Winner(c.id(), c.operator(), c.regionId(), c.diff(), t.speedup(), t.mutantWinFraction(),
                t.originalMedianNanos(), t.mutantMedianNanos(), hashes, applied);
    }

    private static EvolutionOutcome outcomeWithoutWinner(List<CandidateReport> reports) {
        if (reports.stream().anyMatch(r -> r.stage() == CandidateStage.NOT_FASTER)) {
            return EvolutionOutcome.NO_IMPROVEMENT;
        }
        if (reports.stream().anyMatch(r -> r.stage() == CandidateStage.TESTS_FAILED
                || r.stage() == CandidateStage.SANDBOX_FAILED)) {
            return EvolutionOutcome.TESTS_FAILED;
        }
        if (reports.stream().allMatch(r -> r.stage() == CandidateStage.COMPILE_FAILED)) {
            return EvolutionOutcome.COMPILE_FAILED;
        }
        return EvolutionOutcome.REJECTED;
    }

    private static String summary(List<CandidateReport> reports) {
        Map<CandidateStage, Long> counts = new TreeMap<>();
        reports.forEach(r -> counts.merge(r.stage(), 1L, Long::sum));
        return "no winner among " + reports.size() + " candidates " + counts + "; nothing was swapped";
    }

    private static Evaluation rejected(MutationCandidate c, CandidateStage stage, String detail) {
        return new Evaluation(new CandidateReport(c.id(), c.operator(), stage, detail == null ? "" : detail, Double.NaN), null);
    }

    private EvolutionResult skipped(String cycleId, Instant start, String message) {
        return new EvolutionResult(cycleId, EvolutionOutcome.SKIPPED, message, List.of(), List.of(), Optional.empty(),
                since(start), clock.snapshot());
    }

    private static String first(List<String> diagnostics) {
        return diagnostics.isEmpty() ? "(no diagnostic)" : diagnostics.get(0);
    }

    /**
     * The gates a passed verdict went through: its JUnit run as one case, and the worker's differential suites
     * without the methods the check skipped (a skipped method proves nothing either way).
     */
    private static List<TestSuite> passedSuites(List<String> tests, SandboxVerdict verdict) {
        List<TestSuite> suites = new ArrayList<>();
        suites.add(new TestSuite("junit", List.of(new TestCase(verdict.testsRun() + " tests of " + tests,
                TestCase.Outcome.PASSED, Duration.ZERO, ""))));
        for (TestSuite suite : verdict.evidence()) {
            List<TestCase> ran = suite.cases().stream().filter(c -> c.outcome() != TestCase.Outcome.SKIPPED).toList();
            if (!ran.isEmpty()) {
                suites.add(new TestSuite(suite.name(), ran));
            }
        }
        return suites;
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private record Finalist(MutationCandidate candidate, TimingComparison timing, Map<String, byte[]> changedClasses,
            String evidence, WinnerEvidence timingEvidence, Map<String, byte[]> mutantClasses, List<TestSuite> suites,
            Optional<FitnessScore> jmh) {
    }

    private record Evaluation(CandidateReport report, Finalist finalist) {
    }
}
