package dev.ouroboros.core.internal.cli;

import dev.ouroboros.core.ApprovalMode;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.EvolutionOutcome;
import dev.ouroboros.core.EvolutionReport;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.InvalidConfigurationException;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.core.Winner;
import dev.ouroboros.genome.OuroborosException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code evolve}: runs evolution cycles in this JVM on a source tree, its class path and its tests.
 *
 * <p>The target's classes are loaded from {@code --classpath} into this JVM, so the fidelity check and
 * every gate run here exactly as in a live program; candidates run in sandbox workers. Winners are
 * never swapped into anything that outlives the run: with {@code --dry-run} they become diffs and a
 * report in a scratch directory, without it they wait in the data directory for {@code approve}.
 */
final class EvolveCommand {

    static final String HELP = """
            usage: ouroboros evolve --source DIR --classpath CP (--target CLASS[#method] | --workload MAIN [-- ARGS...])
                                    [--tests CLASSES] [--time-budget 5m] [--cycles N] [--dry-run [--out DIR]]
                                    [--data-dir DIR] [options]

            Runs evolution cycles offline. The target's classes are loaded from --classpath into this JVM
            (so the source must match the compiled classes), every candidate is compiled, checked, run
            against the tests in a sandbox worker JVM and timed against the original.

              --source DIR           source root(s) of the program, separated by '%1$s'        (required)
              --classpath CP         application classes, test classes and the JUnit Platform,
                                     separated by '%1$s'                                       (required)
              --target CLASS[#m]     the class, or one method of it, to evolve
              --workload MAIN        instead of --target: run MAIN's main(ARGS) in this JVM, repeated
                                     while JFR samples it for --profile, and evolve the hottest method
                                     with source; ARGS follow a '--'
              --profile DURATION     how long to sample the workload (default 10s)
              --tests CLASSES        test classes to run against candidates, comma-separated
                                     (default: the target's <Name>Test / <Name>Tests)
              --time-budget DUR      stop when this wall time is spent (e.g. 90s, 5m, 1h); the cycle in
                                     flight stops at its next candidate; without --cycles, cycles run
                                     until the budget is spent
              --cycles N             cycles to run (default 1, or until the time budget)
              --candidates N         candidates per cycle at most (default 20)
              --operators A,B        mutation operators (default: every semantics-preserving one)
              --rounds N             paired timing rounds per candidate (default 10, at least 5)
              --warmup N             unmeasured rounds first (default 3)
              --min-speedup X        a winner must be at least X times faster (default 1.10)
              --timeout DURATION     wall-time limit of one candidate's sandbox worker (default 60s)
              --seed N               seed of every random choice (default 42)
              --dry-run              record nothing approvable: write each winner's unified diff to
                                     standard output and to --out, and the report to --out/report.html;
                                     the run's journal goes to --out/data, never to --data-dir
              --out DIR              where --dry-run writes (default ouroboros-dry-run)
              --data-dir DIR         without --dry-run: journal the run here; each winner waits as
                                     PENDING_APPROVAL for 'ouroboros approve' (default .ouroboros)
              --quiet                no progress display on standard error

            Progress goes to standard error (one line rewritten in place on a terminal, a line per
            candidate otherwise). The workload's own standard output is sent to standard error too, so
            standard output holds only the diffs and the summary.
            Exit codes: 0 the run completed (with or without a winner), 1 every cycle was skipped (bad
            input, named in the message) or the run failed, 2 usage error.
            """.formatted(File.pathSeparator);

    private static final Set<String> WITH_VALUE = Set.of("source", "classpath", "target", "workload", "profile", "tests",
            "time-budget", "cycles", "candidates", "operators", "rounds", "warmup", "min-speedup", "timeout", "seed", "out",
            "data-dir");
    private static final Set<String> FLAGS = Set.of("dry-run", "quiet");

    private final PrintStream out;
    private final PrintStream err;

    EvolveCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        CliArgs a = CliArgs.parse("evolve", args, WITH_VALUE, FLAGS);
        a.noOperands();
        String sourceList = a.required("source", "src/main/java");
        String classpathList = a.required("classpath", "target/classes" + File.pathSeparator + "target/test-classes");
        Optional<String> target = a.value("target");
        Optional<String> workload = a.value("workload");
        if (target.isPresent() == workload.isPresent()) {
            throw new UsageException("evolve needs exactly one of --target CLASS[#method] and --workload MAINCLASS");
        }
        if (!a.rest().isEmpty() && workload.isEmpty()) {
            throw new UsageException("arguments after '--' are the workload's; give --workload MAINCLASS, was " + a.rest());
        }
        boolean dryRun = a.flag("dry-run");
        if (a.value("out").isPresent() && !dryRun) {
            throw new UsageException("--out is where --dry-run writes; without --dry-run winners go to --data-dir");
        }
        Optional<Duration> budget = a.duration("time-budget");
        int cycles = a.intValue("cycles", budget.isPresent() ? Integer.MAX_VALUE : 1, 1);
        Duration profile = a.duration("profile").orElse(Duration.ofSeconds(10));
        Path outDir = Path.of(a.value("out").orElse("ouroboros-dry-run")).toAbsolutePath().normalize();
        Path dataDir = dryRun ? outDir.resolve("data")
                : Path.of(a.value("data-dir").orElse(".ouroboros")).toAbsolutePath().normalize();

        EvolutionConfig.Builder config = EvolutionConfig.builder().approval(ApprovalMode.MANUAL).verbose(false).jmx(false).reapply(false)
                .dataDirectory(dataDir).maxCandidates(a.intValue("candidates", 20, 1))
                .measuredRounds(a.intValue("rounds", 10, 5)).warmupRounds(a.intValue("warmup", 3, 0))
                .minSpeedup(a.doubleValue("min-speedup", 1.10)).seed(a.longValue("seed", 42))
                .sandboxTimeout(a.duration("timeout").orElse(Duration.ofSeconds(60)));
        a.value("tests").ifPresent(t -> config.testClasses(split(t)));
        a.value("operators").ifPresent(o -> config.operators(split(o)));
        // Every option is checked before anything touches the file system: a usage error stays exit code 2.
        List<Path> sources = paths(sourceList);
        List<Path> classpath = paths(classpathList);
        config.sourceRoots(sources.toArray(Path[]::new)).classpath(classpath);

        PrintStream systemOut = System.out;
        // The target's own output (workload, static initialisers) must not mix with the diffs on stdout.
        System.setOut(err);
        try (URLClassLoader loader = new URLClassLoader("ouroboros-cli-classpath", urls(classpath),
                ClassLoader.getSystemClassLoader())) {
            String resolved = target.isPresent() ? preload(target.get(), loader, classpath)
                    : new WorkloadProfiler(sources, loader, err).hottest(workload.get(), a.rest(), profile);
            config.target(resolved);
            EvolutionConfig built;
            try {
                built = config.build();
            } catch (InvalidConfigurationException e) {
                throw new UsageException(e.getMessage());
            }
            Instant deadline = budget.map(b -> Instant.now().plus(b)).orElse(null);
            return evolve(built, cycles, deadline, dryRun, outDir, a.flag("quiet"));
        } catch (IOException e) {
            throw new OuroborosException("cannot release the class path's files: " + e, e);
        } finally {
            System.setOut(systemOut);
        }
    }

    private int evolve(EvolutionConfig config, int cycles, Instant deadline, boolean dryRun, Path outDir, boolean quiet) {
        ProgressDisplay progress = new ProgressDisplay(err, System.console() != null, cycles, config.maxCandidates(),
                deadline, System::nanoTime, dryRun);
        OuroborosEngine.Builder builder = OuroborosEngine.builder().config(config).name("cli");
        if (!quiet) {
            builder.listener(progress);
        }
        List<EvolutionResult> results = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ouroboros-cli-budget");
            t.setDaemon(true);
            return t;
        });
        try (OuroborosEngine engine = builder.build()) {
            long sequenceBefore = engine.state().lastSequence();
            if (deadline != null) {
                // stop() makes the cycle in flight end at its next candidate boundary, with nothing swapped.
                timer.schedule(engine::stop, Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            }
            Map<String, String> diffs = new HashMap<>();
            for (int i = 0; i < cycles && (deadline == null || Instant.now().isBefore(deadline)); i++) {
                EvolutionResult r = engine.runCycle();
                results.add(r);
                if (r.outcome() == EvolutionOutcome.SKIPPED || r.outcome() == EvolutionOutcome.ABORTED
                        || converged(engine.state(), r, diffs)) {
                    break;
                }
            }
            progress.finish();
            return dryRun ? finishDryRun(engine.state(), sequenceBefore, results, outDir)
                    : finishRun(engine.state(), sequenceBefore, results);
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Nothing is swapped offline, so a later cycle on the same target finds the same winner again: that one is
     * rejected as a duplicate and the run ends, rather than queueing the same diff again until the budget is spent.
     */
    private boolean converged(EngineState state, EvolutionResult r, Map<String, String> diffs) {
        if (r.winner().isEmpty()) {
            return false;
        }
        Winner w = r.winner().get();
        String earlier = diffs.putIfAbsent(w.diff(), w.candidateId());
        if (earlier == null) {
            return false;
        }
        if (state.history().latest(w.candidateId()).map(e -> e.status() == HistoryStatus.PENDING_APPROVAL).orElse(false)) {
            state.history().transition(w.candidateId(), HistoryStatus.REJECTED, "same diff as " + earlier
                    + ", found earlier in this offline run");
        }
        err.println("ouroboros: cycle " + r.cycleId() + " found the same winner as " + earlier + " again; nothing is "
                + "swapped offline, so later cycles would too — stopping");
        return true;
    }

    private int finishDryRun(EngineState state, long sequenceBefore, List<EvolutionResult> results, Path outDir) {
        List<Winner> winners = new ArrayList<>();
        for (HistoryEntry e : newPending(state, sequenceBefore)) {
            Path file = outDir.resolve(e.candidateId().replaceAll("[^A-Za-z0-9_.-]", "_") + ".diff");
            state.history().transition(e.candidateId(), HistoryStatus.REJECTED, "dry run: diff written to " + file
                    + "; never approvable");
            Winner w = state.winners().winner(e.candidateId()).orElseThrow();
            winners.add(w);
            write(file, w.diff());
            out.println("# " + w.candidateId() + ": " + w.operator() + " on " + w.regionId() + ", "
                    + String.format(Locale.ROOT, "%.2fx", w.speedup()) + " faster");
            out.print(w.diff().endsWith("\n") ? w.diff() : w.diff() + "\n");
        }
        Path report = outDir.resolve("report.html");
        EvolutionReport.from(state).writeTo(report);
        err.println("ouroboros: dry run: " + winners.size() + " winner(s), " + results.size() + " cycle(s); diffs and "
                + "report in " + outDir + " (journal of the run: " + state.directory() + ")");
        return exitCode(results);
    }

    private int finishRun(EngineState state, long sequenceBefore, List<EvolutionResult> results) {
        List<HistoryEntry> pending = newPending(state, sequenceBefore);
        for (HistoryEntry e : pending) {
            out.println("pending " + e.detail().split(" ", 2)[0] + " (candidate " + e.candidateId() + ", " + e.operator()
                    + " on " + e.regionId() + String.format(Locale.ROOT, ", %.2fx", e.speedup()) + "): approve with "
                    + "'ouroboros approve " + e.candidateId() + " --data-dir " + state.directory() + "'");
        }
        err.println("ouroboros: " + pending.size() + " winner(s) waiting for approval in " + state.directory() + ", "
                + results.size() + " cycle(s)");
        return exitCode(results);
    }

    /** The winners this run queued: candidates whose latest status is pending and that were queued after the start. */
    private static List<HistoryEntry> newPending(EngineState state, long sequenceBefore) {
        return state.history().latestWithStatus(HistoryStatus.PENDING_APPROVAL).stream()
                .filter(e -> e.sequence() > sequenceBefore).toList();
    }

    private int exitCode(List<EvolutionResult> results) {
        if (!results.isEmpty() && results.stream().allMatch(r -> r.outcome() == EvolutionOutcome.SKIPPED)) {
            err.println("ouroboros: every cycle was skipped: " + results.get(0).message());
            return OuroborosCli.FAILED;
        }
        return OuroborosCli.OK;
    }

    /** Loads the target class from the class path (not initialised) so that the engine finds it loaded. */
    private static String preload(String target, ClassLoader loader, List<Path> classpath) {
        String className = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        try {
            Class.forName(className, false, loader);
            return target;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new OuroborosException("target class " + className + " cannot be loaded from --classpath " + classpath
                    + " (" + e + "); add the directory or jar that holds it");
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OuroborosException("cannot write " + file + ": " + e, e);
        }
    }

    private static List<Path> paths(String value) {
        List<Path> paths = Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new OuroborosException("path " + p + " does not exist; check --source and --classpath");
            }
        }
        return paths;
    }

    private static String[] split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static URL[] urls(List<Path> entries) {
        return entries.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new OuroborosException("class path entry " + p + " is not a valid path", e);
            }
        }).toArray(URL[]::new);
    }
}
