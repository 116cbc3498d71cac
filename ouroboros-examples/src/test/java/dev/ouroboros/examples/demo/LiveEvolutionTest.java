package dev.ouroboros.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.examples.MethodCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: the demo runs in a forked JVM with the real shaded agent jar,
 * and the JVM's own view of the class bytes shows what runs.
 */
class LiveEvolutionTest {

    private static final String MAIN = DemoApp.class.getName();
    private static Path agentJar;
    private static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateAgent() {
        agentJar = Path.of(System.getProperty("ouroboros.agent.jar", "../ouroboros-core/target/ouroboros-agent.jar"));
        sources = Path.of(System.getProperty("ouroboros.examples.source", "src/main/java"));
        assertThat(agentJar).as("the shaded agent jar (built by 'mvn verify' in ouroboros-core before this module)")
                .isRegularFile();
    }

    @Test
    void hotMethodFoundByJfrIsRewrittenProvenAndSwappedIntoTheLiveJvm() throws Exception {
        Run run = demo("source=" + sources + ",profile=3s,warmup=3,rounds=10");

        Properties report = run.report();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(report.getProperty("outcome")).isEqualTo("IMPROVED");
        assertThat(report.getProperty("applied")).isEqualTo("true");
        assertThat(report.getProperty("regions")).isEqualTo(OrderReport.class.getName() + "#toCsv(List)");
        assertThat(report.getProperty("mismatches")).isEqualTo("0");

        String live = MethodCode.text(Files.readAllBytes(Path.of(report.getProperty("live_class"))), "toCsv");
        String original = originalToCsv();
        assertThat(original).doesNotContain("java/lang/StringBuilder");
        assertThat(live).as("the JVM now runs the mutant's toCsv").isNotEqualTo(original)
                .contains("NEW java/lang/StringBuilder")
                .contains("INVOKEVIRTUAL java/lang/StringBuilder.append");
        assertThat(run.output()).contains("+++ b/").contains(".append(");
        assertThat(Double.parseDouble(report.getProperty("ratio"))).isGreaterThan(1.0);
    }

    @Test
    void dryRunReportsTheWinnerAndLeavesTheJvmAlone() throws Exception {
        Run run = demo("source=" + sources + ",target=" + OrderReport.class.getName()
                + "#toCsv,approval=disabled,warmup=3,rounds=10");

        Properties report = run.report();
        assertThat(report.getProperty("outcome")).as(run.output()).isEqualTo("IMPROVED");
        assertThat(report.getProperty("applied")).isEqualTo("false");
        assertThat(liveToCsv(report)).isEqualTo(originalToCsv());
    }

    @Test
    void manualApprovalQueuesTheWinnerAndOnlyTheApprovalSwapsItIn() throws Exception {
        Run queued = demo("source=" + sources + ",target=" + OrderReport.class.getName()
                + "#toCsv,approval=manual,warmup=3,rounds=10");
        assertThat(queued.report().getProperty("outcome")).as(queued.output()).isEqualTo("IMPROVED");
        assertThat(queued.report().getProperty("applied")).isEqualTo("false");
        assertThat(queued.report().getProperty("pending")).isEqualTo("1");
        assertThat(liveToCsv(queued.report())).isEqualTo(originalToCsv());
        String firstApproval = queued.report().getProperty("approval_id");
        assertThat(firstApproval).startsWith("a-");

        // A restart of the program on the same data directory: the first run's pending approval comes back
        // from the journal (oldest first) and is the one approved; this run's own winner still waits.
        Run approved = demo("source=" + sources + ",target=" + OrderReport.class.getName()
                + "#toCsv,approval=manual,warmup=3,rounds=10", "--approve-pending");
        assertThat(approved.report().getProperty("applied")).as(approved.output()).isEqualTo("true");
        assertThat(approved.output()).contains("demo: approving " + firstApproval + " ");
        assertThat(approved.report().getProperty("pending")).isEqualTo("1");
        assertThat(liveToCsv(approved.report())).contains("INVOKEVIRTUAL java/lang/StringBuilder.append");
        assertThat(approved.exitCode()).isZero();
    }

    @Test
    void approveMajorSwapsAMinorRewriteInAlone() throws Exception {
        Run run = demo("source=" + sources + ",target=" + OrderReport.class.getName()
                + "#toCsv,approval=approve-major,warmup=3,rounds=10");

        assertThat(run.report().getProperty("applied")).as(run.output()).isEqualTo("true");
        assertThat(liveToCsv(run.report())).contains("INVOKEVIRTUAL java/lang/StringBuilder.append");
    }

    @Test
    void mutantThatBreaksTheTestsIsNeverSwappedIn() throws Exception {
        // Deleting a statement of toCsv makes it faster and wrong: only the tests can stop it.
        Run run = demo("source=" + sources + ",target=" + OrderReport.class.getName()
                + "#toCsv,operators=statement-delete,warmup=1,rounds=5");

        Properties report = run.report();
        assertThat(report.getProperty("outcome")).as(run.output()).isEqualTo("TESTS_FAILED");
        assertThat(report.getProperty("applied")).isEqualTo("false");
        assertThat(run.output()).contains("TESTS_FAILED");
        assertThat(report.getProperty("mismatches")).isEqualTo("0");
        byte[] liveBytes = Files.readAllBytes(Path.of(report.getProperty("live_class")));
        assertThat(MethodCode.text(liveBytes, "toCsv")).isEqualTo(originalToCsv());
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void missingSourceRootIsOneClearLineAndTheProgramKeepsRunning() throws Exception {
        Path missing = dir.resolve("no-such-src");
        Run run = demo("source=" + missing);

        assertThat(run.output()).contains("ouroboros: not started: source root " + missing.toAbsolutePath())
                .contains("exports/s without Ouroboros");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownTargetClassIsReportedAndNothingChanges() throws Exception {
        Run run = demo("source=" + sources + ",target=com.example.NoSuchClass");

        assertThat(run.report().getProperty("outcome")).isEqualTo("SKIPPED");
        assertThat(run.report().getProperty("message"))
                .contains("com.example.NoSuchClass").contains("check target=");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void garbageAgentOptionsAreOneClearLine() throws Exception {
        Run run = demo("source=" + sources + ",rounds=many");

        assertThat(run.output()).contains("ouroboros: not started: rounds must be a whole number, was 'many'");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void runtimeWithoutJavacIsOneClearLineAndTheProgramKeepsRunning() throws Exception {
        // A real JRE: this JDK's modules minus jdk.compiler, linked with jlink.
        Path jre = dir.resolve("jre");
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Process link = new ProcessBuilder(jlink.toString(), "--add-modules", "java.se,jdk.jfr,jdk.unsupported",
                "--output", jre.toString()).redirectErrorStream(true).start();
        String linkOutput = new String(link.getInputStream().readAllBytes());
        assertThat(link.waitFor()).as(linkOutput).isZero();

        Run run = demo(jre.resolve("bin").resolve("java"), "source=" + sources);

        assertThat(run.output()).contains("ouroboros: not started: no Java compiler in this runtime")
                .contains("run Ouroboros on a JDK, not a JRE")
                .contains("exports/s without Ouroboros");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    private static String liveToCsv(Properties report) throws IOException {
        return MethodCode.text(Files.readAllBytes(Path.of(report.getProperty("live_class"))), "toCsv");
    }

    private Run demo(String agentOptions, String... extraArgs) throws IOException, InterruptedException {
        return demo(Path.of(System.getProperty("java.home"), "bin", "java"), agentOptions, extraArgs);
    }

    private Run demo(Path java, String agentOptions, String... extraArgs) throws IOException, InterruptedException {
        Path reportFile = dir.resolve("report.properties");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-javaagent:" + agentJar.toAbsolutePath() + "=trigger=immediate,data-dir=" + dir.resolve("data") + ","
                + agentOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.add("--report");
        command.add(reportFile.toString());
        command.add("--after-seconds");
        command.add("2");
        command.addAll(List.of(extraArgs));
        Path log = dir.resolve("demo.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("demo did not finish in 4 minutes:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log), reportFile);
    }

    private record Run(int exitCode, String output, Path reportFile) {
        Properties report() throws IOException {
            assertThat(reportFile).as("report written by the demo; its output was:\n" + output).isRegularFile();
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(reportFile)) {
                p.load(in);
            }
            return p;
        }
    }

    private static String originalToCsv() {
        return MethodCode.text(MethodCode.compiledBytes(OrderReport.class), "toCsv");
    }
}
