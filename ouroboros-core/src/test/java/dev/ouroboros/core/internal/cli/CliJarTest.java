package dev.ouroboros.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.core.fixture.RosterWorkload;
import dev.ouroboros.genome.GenomeChecksum;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users run it: the real shaded jar, {@code java -jar ouroboros-agent.jar ...} in a
 * forked JVM, on the fixture's real source tree, classes and tests, with real sandbox workers. Runs in the
 * {@code jar-tests} surefire execution, after {@code package} has built the jar.
 */
@EnabledIfSystemProperty(named = "ouroboros.agent.jar", matches = ".+")
class CliJarTest {

    private static final Path SOURCES = Path.of("src/test/java").toAbsolutePath();
    private static final String TARGET = Roster.class.getName() + "#print";
    private static final String TESTS = Roster.class.getName() + "Test";
    private static Path jar;
    private static String classpath;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("ouroboros.agent.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar built by 'package'").isRegularFile();
        // What a user passes: the application and test classes and the JUnit Platform, not Ouroboros itself.
        List<String> entries = new ArrayList<>();
        entries.add(Path.of("target/test-classes").toAbsolutePath().toString());
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.matches(".*(junit|opentest4j|apiguardian|assertj).*\\.jar")).forEach(entries::add);
        classpath = String.join(File.pathSeparator, entries);
    }

    private Run cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("ouroboros " + List.of(args) + " did not finish in 10 minutes: "
                    + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<String> evolveArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("evolve", "--source", SOURCES.toString(), "--classpath", classpath,
                "--tests", TESTS, "--rounds", "10", "--warmup", "2"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void helpVersionAndUsageErrorsFollowTheConventions() throws Exception {
        Run help = cli("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith(OuroborosCli.USAGE_LINE).contains("evolve", "rollback", "Exit codes");
        assertThat(help.err()).isEmpty();
        Run evolveHelp = cli("evolve", "--help");
        assertThat(evolveHelp.exit()).isZero();
        assertThat(evolveHelp.out()).contains("--time-budget", "--dry-run", "--workload");
        Run version = cli("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).matches("ouroboros \\d+\\.\\d+\\.\\d+.*\\n");

        for (String[] bad : List.of(new String[] {"frobnicate"}, new String[] {"history", "--bogus"}, new String[] {},
                new String[] {"approve"}, new String[] {"evolve", "--source", "x", "--classpath", "y", "--cycles", "0"})) {
            Run r = cli(bad);
            assertThat(r.exit()).as(List.of(bad).toString()).isEqualTo(2);
            assertThat(r.err()).as(List.of(bad).toString()).startsWith(OuroborosCli.USAGE_LINE + "\n" + "ouroboros: ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(cli("frobnicate").err()).contains("unknown command 'frobnicate'");
        assertThat(cli("history", "--bogus").err()).contains("unknown option '--bogus' for history");
    }

    @Test
    void aDataDirectoryFromANewerFormatIsRefusedWithItsVersion() throws Exception {
        Path data = dir.resolve("newer");
        Files.createDirectories(data);
        Files.writeString(data.resolve("ouroboros-data.properties"), "format=2\n");
        Files.writeString(data.resolve("journal.jsonl"), "");
        for (String command : List.of("history", "report")) {
            Run r = cli(command, "--data-dir", data.toString());
            assertThat(r.exit()).as(command).isEqualTo(1);
            assertThat(r.err()).as(command).contains("format=2", "reads up to format=1");
        }
        Run missing = cli("history", "--data-dir", dir.resolve("none").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no Ouroboros data directory at");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aDirectoryHeldByARunningEngineCanBeReadButNotChanged() throws Exception {
        Path data = dir.resolve("locked");
        try (EngineState held = EngineState.open(data)) {
            held.history().append("c1", "k1", "string-builder-in-loop", "p.A#run()", HistoryStatus.FASTER, "ok", 2.0, 1);
            Run history = cli("history", "--data-dir", data.toString());
            assertThat(history.exit()).as(history.err()).isZero();
            assertThat(history.out().lines().skip(1).toList()).singleElement().asString().contains("\tk1\t", "FASTER");
            Path html = dir.resolve("locked-report.html");
            Run report = cli("report", "--data-dir", data.toString(), "--out", html.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(Files.readString(html)).contains("string-builder-in-loop");
            Run reject = cli("reject", "a-c1-k1", "--data-dir", data.toString());
            assertThat(reject.exit()).isEqualTo(1);
            assertThat(reject.err()).contains("in use by another engine", "stop it first", "'report' and 'history' read it");
            held.history().append("c1", "k2", "string-builder-in-loop", "p.A#run()", HistoryStatus.NOT_FASTER, "", 1.0, 1);
            assertThat(held.lastSequence()).isEqualTo(2);
        }
        assertThat(cli("history", "--data-dir", data.toString()).out()).contains("\tk2\t");
    }

    @Test
    void rejectAndRollbackChangeTheDurableStatus() throws Exception {
        Path data = dir.resolve("state");
        byte[] bytes = "class bytes".getBytes(StandardCharsets.UTF_8);
        try (EngineState state = EngineState.open(data)) {
            for (String id : List.of("k1", "k2")) {
                state.history().append("c1", id, "string-builder-in-loop", "p.A#run()", HistoryStatus.FASTER, "ok", 2.0, 1);
                state.winners().record(new Winner(id, "string-builder-in-loop", "p.A#run()", "-a\n+b\n", 2.0, 1.0, 2e6,
                        1e6, Map.of("p.A", GenomeChecksum.sha256(bytes)), false), Map.of("p.A", bytes));
            }
            state.history().transition("k1", HistoryStatus.PENDING_APPROVAL, "a-c1-k1 fingerprint=f ok");
            state.history().transition("k2", HistoryStatus.APPLIED, "bundle b");
            state.winners().markApplied("k2", true);
        }
        Run pending = cli("history", "--data-dir", data.toString(), "--status", "PENDING_APPROVAL");
        assertThat(pending.exit()).isZero();
        assertThat(pending.out().lines().skip(1).toList()).singleElement().asString().contains("\tk1\t", "a-c1-k1");

        assertThat(cli("reject", "a-c1-k9", "--data-dir", data.toString()).err()).contains("no winner waiting", "a-c1-k1");
        Run reject = cli("reject", "a-c1-k1", "--data-dir", data.toString(), "--reason", "too clever");
        assertThat(reject.exit()).as(reject.err()).isZero();
        assertThat(cli("rollback", "k1", "--data-dir", data.toString()).exit()).isEqualTo(1);
        Run rollback = cli("rollback", "k2", "--data-dir", data.toString(), "--reason", "p99 doubled");
        assertThat(rollback.exit()).as(rollback.err()).isZero();

        try (EngineState state = EngineState.open(data)) {
            assertThat(state.history().latest("k1").orElseThrow().status()).isEqualTo(HistoryStatus.REJECTED);
            assertThat(state.history().latest("k1").orElseThrow().detail()).isEqualTo("too clever");
            assertThat(state.history().latest("k2").orElseThrow().status()).isEqualTo(HistoryStatus.ROLLED_BACK);
            assertThat(state.winners().applied()).isEmpty();
        }
        Run report = cli("report", "--data-dir", data.toString(), "--out", "r/report.html");
        assertThat(report.exit()).as(report.err()).isZero();
        String html = Files.readString(dir.resolve("r/report.html"));
        assertThat(html).contains("<svg id=\"cycles-chart\"", "<svg id=\"speedup-chart\"", "<svg id=\"operators-chart\"");
        assertThat(html).containsPattern("(?s)<table id=\"rollbacks\">.*<td>k2</td>.*p99 doubled");
        assertThat(report.out().strip()).isEqualTo(dir.resolve("r/report.html").toString());
    }

    @Test
    void dryRunPrintsAndWritesTheDiffAndAReportAndRecordsNothingApprovable() throws Exception {
        List<String> args = evolveArgs("--target", TARGET, "--dry-run", "--out", "out");
        Run r = cli(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("-            out += n + \". \" + name + \"\\n\";", "+++ b/dev/ouroboros/core/fixture/Roster.java");
        assertThat(r.err()).contains("tried 1", "passed 1", "best ", "ETA", "dry run: 1 winner(s)");
        Path out = dir.resolve("out");
        try (Stream<Path> files = Files.list(out)) {
            Path diff = files.filter(p -> p.toString().endsWith(".diff")).findFirst().orElseThrow();
            assertThat(r.out()).contains(Files.readString(diff));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<svg id=\"speedup-chart\"", "<section class=\"winner\"", "<pre class=\"diff\">",
                "<line class=\"ci\"", "Mann-Whitney p");
        assertThat(dir.resolve(".ouroboros")).as("the default data directory is untouched").doesNotExist();

        Run history = cli("history", "--data-dir", out.resolve("data").toString());
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("\tstring-builder-in-loop\tREJECTED\t").doesNotContain("PENDING_APPROVAL");
        assertThat(cli("approve", "--data-dir", out.resolve("data").toString(),
                history.out().lines().skip(1).findFirst().orElseThrow().split("\t")[3]).exit()).isEqualTo(1);
    }

    @Test
    void anOfflineApprovalIsReappliedByTheNextEngineAndAnOfflineRollbackIsNot() throws Exception {
        Path data = dir.resolve("data");
        Run evolve = cli(evolveArgs("--target", TARGET, "--operators", "string-builder-in-loop", "--data-dir",
                data.toString()).toArray(String[]::new));
        assertThat(evolve.exit()).as(evolve.err()).isZero();
        assertThat(evolve.out()).startsWith("pending a-").contains("approve with 'ouroboros approve ");
        String candidate = evolve.out().replaceAll("(?s).*\\(candidate (\\S+),.*", "$1");

        Run approve = cli("approve", candidate, "--data-dir", data.toString(), "--by", "tester");
        assertThat(approve.exit()).as(approve.err()).isZero();
        assertThat(cli("approve", candidate, "--data-dir", data.toString()).exit()).isEqualTo(1);
        assertThat(cli("history", "--data-dir", data.toString()).out()).contains("\t" + candidate + "\t")
                .contains("\tAPPROVED\t");

        // A live program started with the agent on the same data directory and reapply=true swaps the approved
        // winner in, on a background thread and under the regression watch, while the program does its work.
        List<String> program = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + jar + "=source=" + SOURCES.toAbsolutePath() + ",reapply=true,data-dir=" + data
                        + ",jmx=false,watch-window=300ms,watch-windows=6,watch-min-calls=20,classpath=" + classpath,
                "-cp", classpath, RosterWorkload.class.getName(), "200", "20000");
        Path err = Files.createTempFile(dir, "program", ".txt");
        Process p = new ProcessBuilder(program).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(err.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the program ends").isTrue();
        String said = Files.readString(err);
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).contains("ouroboros: re-applied " + candidate, "; watched [" + TARGET.replace("#", "."));
        assertThat(cli("history", "--data-dir", data.toString()).out()).contains("\t" + candidate + "\t")
                .contains("\tAPPLIED\t");

        // The same from code: an engine's reapplyWinners swaps it in (nothing calls Roster here: unwatched).
        EvolutionConfig config = EvolutionConfig.builder().sourceRoots(SOURCES).target(TARGET).dataDirectory(data)
                .jmx(false).watchWindow(Duration.ofMillis(200)).watchMaxWindows(3)
                .classpath(Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList()).build();
        String expected = Roster.print(List.of("Ada", "Grace"));
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            assertThat(engine.reapplyWinners()).singleElement().asString().startsWith("re-applied " + candidate);
            assertThat(new String(engine.liveClassBytes(Roster.class), StandardCharsets.ISO_8859_1))
                    .contains("java/lang/StringBuilder");
            assertThat(Roster.print(List.of("Ada", "Grace"))).isEqualTo(expected);
        }

        Run rollback = cli("rollback", candidate, "--data-dir", data.toString());
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config).build()) {
            assertThat(engine.reapplyWinners()).isEmpty();
            assertThat(engine.state().history().latest(candidate).orElseThrow().status())
                    .isEqualTo(HistoryStatus.ROLLED_BACK);
        }
    }

    @Test
    void theTimeBudgetEndsTheRunBeforeTheNextCycle() throws Exception {
        Run r = cli(evolveArgs("--target", TARGET, "--operators", "string-builder-in-loop", "--cycles", "3",
                "--time-budget", "1s", "--dry-run", "--out", "b").toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 cycle(s)").doesNotContain("cycle 2/3");
        assertThat(dir.resolve("b/report.html")).isRegularFile();
    }

    @Test
    void theHottestMethodUnderAWorkloadIsEvolvedWithinTheTimeBudget() throws Exception {
        Run r = cli(evolveArgs("--workload", "dev.ouroboros.core.fixture.RosterWorkload", "--profile", "4s",
                "--operators", "string-builder-in-loop", "--time-budget", "5m", "--dry-run", "--out", "w", "--", "1500")
                .toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("hottest method with source: " + TARGET + " (");
        // Nothing is swapped offline: the second cycle finds the same winner, and the run ends long before 5 min.
        assertThat(r.err()).contains("found the same winner as", "dry run: 1 winner(s), 2 cycle(s)");
        assertThat(r.out()).contains("+++ b/dev/ouroboros/core/fixture/Roster.java");
        assertThat(dir.resolve("w/report.html")).isRegularFile();
    }
}
