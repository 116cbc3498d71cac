package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.core.fixture.Roster;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.patcher.ClassFingerprint;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approval modes, the approval queue from code and from JMX, and the JFR markers, each on a real cycle
 * over the fixture with a self-attached agent.
 */
class ApprovalAndTelemetryTest {

    private static final List<String> NAMES = List.of("Ada", "Grace");

    @TempDir
    Path dir;

    @Test
    void manualModeQueuesTheWinnerAndOnlyApprovalSwapsItIn() {
        try (OuroborosEngine engine = engine(ApprovalMode.MANUAL)) {
            String before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            EvolutionResult result = engine.runCycle();

            assertThat(result.outcome()).as(result.message()).isEqualTo(EvolutionOutcome.IMPROVED);
            assertThat(result.message()).contains("waiting for approval");
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(before);
            PendingApproval pending = engine.approvals().pending().get(0);
            assertThat(pending.winner().diff()).contains("StringBuilder");
            assertThat(pending.evidence()).contains("tests passed");

            Winner applied = engine.approvals().approve(pending.id(), "a reviewer");

            assertThat(applied.applied()).isTrue();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isNotEqualTo(before);
            assertThat(Roster.print(NAMES)).isEqualTo("1. Ada\n2. Grace\n");
            assertThat(engine.approvals().pending()).isEmpty();
            engine.rollbackLast();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(before);
        }
    }

    @Test
    void pendingApprovalSurvivesARestartAndCanStillBeApproved() {
        Path data = dir.resolve("data");
        String id;
        String before;
        try (OuroborosEngine engine = OuroborosEngine.builder()
                .config(EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                        .target(Roster.class.getName() + "#print").warmupRounds(1).measuredRounds(10)
                        .approval(ApprovalMode.MANUAL).dataDirectory(data).build()).build()) {
            before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            engine.runCycle();
            id = engine.approvals().pending().get(0).id();
        }
        try (OuroborosEngine restarted = OuroborosEngine.builder()
                .config(EvolutionConfig.builder().sourceRoots(Path.of("src/test/java"))
                        .target(Roster.class.getName() + "#print").approval(ApprovalMode.MANUAL).dataDirectory(data)
                        .build()).build()) {
            assertThat(restarted.approvals().pending()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(id);
                assertThat(p.winner().diff()).contains("StringBuilder");
                assertThat(p.severity()).isEqualTo(dev.ouroboros.mutation.MutationSeverity.MINOR);
            });
            restarted.approvals().approve(id, "after restart");
            assertThat(ClassFingerprint.of(restarted.liveClassBytes(Roster.class))).isNotEqualTo(before);
            restarted.rollbackLast();
            assertThat(ClassFingerprint.of(restarted.liveClassBytes(Roster.class))).isEqualTo(before);
        }
        try (EngineState state = EngineState.open(data)) {
            assertThat(state.history().latestWithStatus(HistoryStatus.PENDING_APPROVAL)).isEmpty();
        }
    }

    @Test
    void staleApprovalIsRefusedAndStaysRejectedAfterARestart() {
        String staleId;
        try (OuroborosEngine engine = engine(ApprovalMode.MANUAL)) {
            engine.runCycle();
            engine.runCycle();
            List<PendingApproval> pending = engine.approvals().pending();
            assertThat(pending).as("two cycles, two queued winners").hasSize(2);
            engine.approvals().approve(pending.get(0).id(), "first");
            staleId = pending.get(1).id();

            assertThatThrownBy(() -> engine.approvals().approve(staleId, "second"))
                    .isInstanceOf(OuroborosException.class).hasMessageContaining("is stale");
            assertThat(engine.approvals().pending()).isEmpty();
            engine.rollbackLast();
        }
        try (OuroborosEngine restarted = engine(ApprovalMode.MANUAL)) {
            assertThat(restarted.approvals().pending()).extracting(PendingApproval::id).doesNotContain(staleId);
        }
    }

    @Test
    void rejectedWinnerNeverReachesTheJvmAndUnknownIdsAreRefused() {
        try (OuroborosEngine engine = engine(ApprovalMode.MANUAL)) {
            String before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            engine.runCycle();
            PendingApproval pending = engine.approvals().pending().get(0);

            engine.approvals().reject(pending.id(), "not today");

            assertThat(engine.approvals().pending()).isEmpty();
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isEqualTo(before);
            assertThatThrownBy(() -> engine.approvals().approve(pending.id(), "late"))
                    .isInstanceOf(OuroborosException.class).hasMessageContaining("no pending approval");
        }
    }

    @Test
    void approveMajorLetsMinorRewritesGoLiveAlone() {
        try (OuroborosEngine engine = engine(ApprovalMode.APPROVE_MAJOR)) {
            EvolutionResult result = engine.runCycle();
            assertThat(result.winner()).hasValueSatisfying(w -> assertThat(w.applied()).isTrue());
            assertThat(engine.approvals().pending()).isEmpty();
            engine.rollbackLast();
        }
    }

    @Test
    void jmxListsApprovesAndRefusesThroughThePlatformMBeanServer() throws Exception {
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config(ApprovalMode.MANUAL)).name("jmx-test").build()) {
            String before = ClassFingerprint.of(engine.liveClassBytes(Roster.class));
            engine.runCycle();
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("dev.ouroboros:type=Engine,name=\"jmx-test\"");

            String[] pending = (String[]) server.getAttribute(name, "PendingApprovals");
            assertThat(pending).hasSize(1);
            String id = pending[0].substring(0, pending[0].indexOf(' '));
            assertThat(server.invoke(name, "approve", new Object[] {"nope"}, new String[] {String.class.getName()}))
                    .asString().startsWith("refused: no pending approval with id 'nope'");
            assertThat(server.invoke(name, "approve", new Object[] {id}, new String[] {String.class.getName()}))
                    .asString().startsWith("applied ");
            assertThat(server.getAttribute(name, "CycleCount")).isEqualTo(1);
            assertThat(ClassFingerprint.of(engine.liveClassBytes(Roster.class))).isNotEqualTo(before);
            assertThat(server.invoke(name, "rollbackLast", new Object[0], new String[0])).asString()
                    .contains(Roster.class.getName());
        }
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("dev.ouroboros:type=Engine,name=\"jmx-test\""))).isFalse();
    }

    @Test
    void everyStageOfACycleIsAJfrEvent() throws Exception {
        Path file = dir.resolve("cycle.jfr");
        try (Recording recording = new Recording();
                OuroborosEngine engine = engine(ApprovalMode.AUTOMATIC)) {
            recording.enable("dev.ouroboros.*");
            recording.start();
            engine.runCycle();
            engine.rollbackLast();
            recording.stop();
            recording.dump(file);
        }
        Set<String> names = RecordingFile.readAllEvents(file).stream().map(RecordedEvent::getEventType)
                .map(t -> t.getName()).collect(Collectors.toSet());
        assertThat(names).contains("dev.ouroboros.CycleStart", "dev.ouroboros.MutationGenerated",
                "dev.ouroboros.TestStarted", "dev.ouroboros.TestCompleted", "dev.ouroboros.FitnessEvaluated",
                "dev.ouroboros.SelectionApproved", "dev.ouroboros.PatchApplied", "dev.ouroboros.CycleComplete",
                "dev.ouroboros.RollbackExecuted");
        assertThat(Files.size(file)).isPositive();
    }

    private OuroborosEngine engine(ApprovalMode mode) {
        return OuroborosEngine.builder().config(config(mode)).build();
    }



    private EvolutionConfig config(ApprovalMode mode) {
        // Each test journals into its own directory, so no test sees another's pending approvals.
        return EvolutionConfig.builder().sourceRoots(Path.of("src/test/java")).target(Roster.class.getName() + "#print")
                .dataDirectory(dir.resolve("data"))
                .warmupRounds(1).measuredRounds(10).approval(mode).sandboxTimeout(Duration.ofSeconds(60)).build();
    }
}
