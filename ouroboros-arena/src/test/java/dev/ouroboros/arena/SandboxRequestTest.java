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
                .hasMessageContaining("same classes").hasMessageContaining("[p.A]").hasMessageContaining("[p.B]");
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
    void sandboxBuilderRequiresTheWorkerClasspath() {
        assertThatThrownBy(() -> Sandbox.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("workerClasspath is required");
    }
}
