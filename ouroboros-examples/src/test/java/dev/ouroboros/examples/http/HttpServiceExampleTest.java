package dev.ouroboros.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.examples.MethodCode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP-service example end to end, in a forked JVM with the real shaded agent jar: the rendering is
 * swapped in under load with latencies reported, and the forced regression is rolled back by the watch.
 */
class HttpServiceExampleTest {

    @TempDir
    Path dir;

    @Test
    void renderingIsSwappedInUnderLoadAndTheForcedRegressionIsRolledBackByTheWatch() throws Exception {
        Path agentJar = Path.of(System.getProperty("ouroboros.agent.jar", "../ouroboros-core/target/ouroboros-agent.jar"));
        Path sources = Path.of(System.getProperty("ouroboros.examples.source", "src/main/java"));
        assertThat(agentJar).as("the shaded agent jar (built by 'mvn verify' in ouroboros-core before this module)")
                .isRegularFile();
        Path reportFile = dir.resolve("report.properties");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-javaagent:" + agentJar.toAbsolutePath() + "=source=" + sources + ",target="
                        + InvoiceRenderer.class.getName() + "#render,operators=string-builder-in-loop,trigger=immediate,"
                        + "delay=2s,warmup=2,rounds=8,data-dir=" + dir.resolve("data"),
                "-cp", System.getProperty("java.class.path"), HttpServiceApp.class.getName(),
                "--report", reportFile.toString(), "--after-seconds", "2"));
        Path log = dir.resolve("http.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the example did not finish in 4 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(reportFile).as(output).isRegularFile();
        Properties report = new Properties();
        try (InputStream in = Files.newInputStream(reportFile)) {
            report.load(in);
        }

        assertThat(report.getProperty("swap_outcome")).as(output).isEqualTo("IMPROVED");
        assertThat(report.getProperty("swapped")).isEqualTo("true");
        assertThat(MethodCode.text(Files.readAllBytes(Path.of(report.getProperty("renderer_live_class"))), "render"))
                .contains("INVOKEVIRTUAL java/lang/StringBuilder.append");
        for (String period : List.of("before", "after", "after_rollback")) {
            assertThat(Integer.parseInt(report.getProperty(period + "_requests"))).as(period).isPositive();
            for (String p99 : List.of("_p50_ms", "_p90_ms", "_p99_ms")) {
                assertThat(Double.parseDouble(report.getProperty(period + p99))).as(period + p99).isPositive();
            }
        }
        assertThat(output).contains("before swap   : p50").contains("after swap    : p50");

        assertThat(report.getProperty("forced_outcome")).as(output).isEqualTo("ROLLED_BACK");
        assertThat(report.getProperty("forced_message")).contains("failure rate rose")
                .contains("rolled back to the exact prior bytes");
        assertThat(report.getProperty("after_rollback_failed")).isEqualTo("0");
        assertThat(MethodCode.text(Files.readAllBytes(Path.of(report.getProperty("parser_live_class"))), "parse"))
                .as("the parser runs its original code again")
                .isEqualTo(MethodCode.text(MethodCode.compiledBytes(InvoiceParser.class), "parse"));
        assertThat(p.exitValue()).as(output).isZero();
    }
}
