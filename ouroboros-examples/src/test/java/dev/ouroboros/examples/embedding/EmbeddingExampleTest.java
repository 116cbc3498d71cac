package dev.ouroboros.examples.embedding;

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
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The embedding example end to end: the program runs in a forked JVM without {@code -javaagent}, with the
 * shaded jar as its library, builds its own engine in MANUAL mode and approves the winner through the API.
 * The JVM's own view of the class bytes, before and after the approval, shows what runs.
 */
class EmbeddingExampleTest {

    private static Path libraryJar;
    private static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateLibrary() {
        libraryJar = Path.of(System.getProperty("ouroboros.agent.jar", "../ouroboros-core/target/ouroboros-agent.jar"));
        sources = Path.of(System.getProperty("ouroboros.examples.source", "src/main/java"));
        assertThat(libraryJar).as("the shaded jar (built by 'mvn verify' in ouroboros-core before this module)")
                .isRegularFile();
    }

    @Test
    void winnerWaitsInTheQueueUntilApprovedThroughTheApiAndOnlyThenRuns() throws Exception {
        Path reportFile = dir.resolve("report.properties");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path") + java.io.File.pathSeparator + libraryJar.toAbsolutePath(),
                EmbeddingApp.class.getName(), "--source", sources.toString(), "--data-dir", dir.resolve("data").toString(),
                "--seconds", "1", "--report", reportFile.toString()));
        Path log = dir.resolve("embedding.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the example did not finish in 3 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Properties report = load(reportFile, output);

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(report.getProperty("outcome")).isEqualTo("IMPROVED");
        assertThat(report.getProperty("region")).isEqualTo(AccessLog.class.getName() + "#summarize(List)");
        // Pending before approve: the cycle swapped nothing, the JVM still ran the original method.
        assertThat(report.getProperty("pending_before_approve")).isEqualTo("1");
        assertThat(report.getProperty("message")).contains("waiting for approval " + report.getProperty("approval_id"));
        byte[] original = MethodCode.compiledBytes(AccessLog.class);
        byte[] before = Files.readAllBytes(Path.of(report.getProperty("live_before")));
        byte[] after = Files.readAllBytes(Path.of(report.getProperty("live_after")));
        assertThat(MethodCode.text(before, "summarize")).isEqualTo(MethodCode.text(original, "summarize"));
        // After approve: the queue is empty and the live method is the hoisted one.
        assertThat(report.getProperty("applied")).isEqualTo("true");
        assertThat(report.getProperty("pending_after_approve")).isEqualTo("0");
        assertThat(MethodCode.text(after, "summarize")).isNotEqualTo(MethodCode.text(original, "summarize"));
        assertThat(compileIsBeforeLoop(original)).as("original compiles the pattern inside the loop").isFalse();
        assertThat(compileIsBeforeLoop(after)).as("the live method compiles it once, before the loop").isTrue();
        assertThat(output).contains("pending        : " + report.getProperty("approval_id"))
                .contains("+        Pattern pattern = Pattern.compile(").contains("evidence       : 8 tests passed");
        // The output stayed correct, before and after the swap.
        assertThat(report.getProperty("mismatches")).isEqualTo("0");
        assertThat(Long.parseLong(report.getProperty("checked"))).isPositive();
        String expected = AccessLog.summarize(SampleTraffic.logLines(2_000, 42, 250)).oneLine();
        assertThat(report.getProperty("summary_expected")).isEqualTo(expected);
        assertThat(report.getProperty("summary_now")).isEqualTo(expected);
        assertThat(Double.parseDouble(report.getProperty("cpu_ratio"))).as(output).isGreaterThan(1.0);
    }

    private static Properties load(Path reportFile, String output) throws IOException {
        assertThat(reportFile).as("report written by the example; its output was:\n" + output).isRegularFile();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(reportFile)) {
            p.load(in);
        }
        return p;
    }

    /** True when {@code Pattern.compile} is called before the loop starts iterating ({@code List.iterator}). */
    private static boolean compileIsBeforeLoop(byte[] classBytes) {
        int compile = -1;
        int iterator = -1;
        int i = 0;
        for (AbstractInsnNode insn : MethodCode.method(classBytes, "summarize").instructions) {
            if (insn instanceof MethodInsnNode call) {
                if (call.owner.equals("java/util/regex/Pattern") && call.name.equals("compile") && compile < 0) {
                    compile = i;
                }
                if (call.name.equals("iterator") && iterator < 0) {
                    iterator = i;
                }
            }
            i++;
        }
        assertThat(compile).as("Pattern.compile call").isNotNegative();
        assertThat(iterator).as("List.iterator call").isNotNegative();
        return compile < iterator;
    }
}
