package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent entry never throws and hands over to every {@link AgentStartup}. In-process tests use the
 * real instrumentation obtained by self-attach; one test starts a host program with a failing startup.
 */
class OuroborosAgentTest {

    private static List<String> errLinesOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
    }

    @Test
    void obtainSelfAttachesAndKeepsTheFirstInstrumentation() {
        Instrumentation inst = AgentInstrumentation.obtain();

        assertThat(inst.isRedefineClassesSupported()).isTrue();
        assertThat(inst.isRetransformClassesSupported()).isTrue();
        assertThat(AgentInstrumentation.obtain()).isSameAs(inst);
        assertThat(AgentInstrumentation.current()).containsSame(inst);
    }

    @Test
    void agentmainHandsArgsAndInstrumentationToEveryStartup() {
        Instrumentation inst = AgentInstrumentation.obtain();

        List<String> err = errLinesOf(() -> OuroborosAgent.agentmain("mode=dry-run", inst));

        assertThat(err).isEmpty();
        assertThat(RecordingStartup.lastArgs).isEqualTo("mode=dry-run");
        assertThat(RecordingStartup.lastInstrumentation).isSameAs(inst);
    }

    @Test
    void premainWithoutInstrumentationPrintsOneLineAndReturns() {
        List<String> err = errLinesOf(() -> OuroborosAgent.premain("x", null));

        assertThat(err).singleElement().asString().startsWith("ouroboros: ").contains("-javaagent");
    }

    @Test
    void failingStartupPrintsOneLineNamingItAndReturns() {
        Instrumentation inst = AgentInstrumentation.obtain();

        List<String> err = errLinesOf(() -> OuroborosAgent.premain("fail", inst));

        assertThat(err).singleElement().asString().startsWith("ouroboros: ")
                .contains(RecordingStartup.class.getName()).contains("'fail'");
    }

    @Test
    void hostProgramRunsOnWhenAStartupFails() throws Exception {
        Path jar = ForkedJvm.agentJar(Files.createTempDirectory("ouroboros-agent-fail"));

        ForkedJvm.Outcome outcome = ForkedJvm.run(jar, "fail", HelloMain.class, 60);

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).contains("host program ran; instrumentation present");
        assertThat(outcome.stderr().lines().filter(line -> line.startsWith("ouroboros: ")))
                .singleElement().asString().contains("agent option 'fail' is not understood");
    }
}
