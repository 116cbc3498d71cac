package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxRequestTest {

    private static final Map<String, byte[]> ONE = Map.of("p.A", new byte[] {1});

    @Test
    void acceptsAWellFormedRequest() {
        SandboxRequest r = new SandboxRequest("c1", ONE, Map.of("p.A", new byte[] {2}), List.of("p.ATest"), 0, 1);

        assertThat(r.originalClasses()).containsOnlyKeys("p.A");
        assertThat(r.testClassNames()).containsExactly("p.ATest");
        assertThat(new SandboxRequest("tests-only", ONE, ONE, List.of("p.ATest"), 0, 0).measuredRounds()).isZero();
    }

    @Test
    void statesEachBrokenRule() {
        assertThatThrownBy(() -> new SandboxRequest(" ", ONE, ONE, List.of("T"), 0, 1))
                .hasMessageContaining("candidateId must not be blank");
        assertThatThrownBy(() -> new SandboxRequest("c", Map.of(), Map.of(), List.of("T"), 0, 1))
                .hasMessageContaining("originalClasses must not be empty");
        assertThatThrownBy(() -> new SandboxRequest("c", ONE, Map.of("p.B", new byte[] {1}), List.of("T"), 0, 1))
                .hasMessageContaining("every class of the original").hasMessageContaining("[p.A]")
                .hasMessageContaining("[p.B]");
        // A mutant may bring a new class (a helper such as a memo table), never drop one.
        assertThat(new SandboxRequest("c", ONE, Map.of("p.A", new byte[] {1}, "p.A_memo", new byte[] {2}), List.of("T"), 0,
                1).mutantClasses()).containsKeys("p.A", "p.A_memo");
        assertThatThrownBy(() -> new SandboxRequest("c", ONE, ONE, List.of(), 0, 1))
                .hasMessageContaining("at least one test class");
        assertThatThrownBy(() -> new SandboxRequest("c", ONE, ONE, List.of("T"), -1, 1))
                .hasMessage("warmupRounds must be at least 0, was -1");
        assertThatThrownBy(() -> new SandboxRequest("c", ONE, ONE, List.of("T"), 0, -1))
                .hasMessage("measuredRounds must be at least 0, was -1");
        assertThatThrownBy(() -> new SandboxRequest("c", Map.of("p/A.class", new byte[] {1}),
                Map.of("p/A.class", new byte[] {1}), List.of("T"), 0, 1))
                .hasMessageContaining("binary names");
    }

    @Test
    void differentialSettingsAndRecordedInputsStateTheirRules() {
        assertThatThrownBy(() -> DifferentialCheck.defaults().withBudget(-1, java.time.Duration.ofMillis(100)))
                .hasMessage("inputsPerMethod must be between 0 and 100000, was -1");
        assertThatThrownBy(() -> DifferentialCheck.defaults().withBudget(10, java.time.Duration.ofMillis(5)))
                .hasMessage("timePerMethod must be between 10 ms and 10 min, was PT0.005S");
        assertThatThrownBy(() -> RecordedInput.of("p.A", "m", "(Ljava/lang/Object;)V", new Object()))
                .hasMessageContaining("a recorded argument of type java.lang.Object cannot be rebuilt in a worker");
        assertThatThrownBy(() -> RecordedInput.of("p/A", "m", "(I)V", 1)).hasMessageContaining("binary name");
        assertThatThrownBy(() -> RecordedInput.of("p.A", "m", "I", 1)).hasMessageContaining("JVM descriptor");
        RecordedInput ok = RecordedInput.of("p.A", "m", "(ILjava/lang/String;)V", 1, null);
        assertThat(ok.arguments()).containsExactly(1, null);
        assertThat(ok.method()).isEqualTo("p.A#m(ILjava/lang/String;)V");
    }

    @Test
    void sandboxBuilderRequiresTheWorkerClasspath() {
        assertThatThrownBy(() -> Sandbox.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("workerClasspath is required");
    }
}
