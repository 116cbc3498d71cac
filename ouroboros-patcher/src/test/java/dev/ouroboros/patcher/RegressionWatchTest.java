package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.patcher.fixture.Beacon;
import dev.ouroboros.patcher.fixture.Lamp;
import dev.ouroboros.patcher.fixture.Variants;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regression watch and per-bundle rollback, with real swaps in this JVM through self-attach. The
 * probe is scripted, as a metrics source for timing logic should be: the test decides what the
 * patched methods' counters say.
 */
class RegressionWatchTest {

    private static final String BEACON = "dev.ouroboros.patcher.fixture.Beacon";
    private static final RegressionPolicy FAST = new RegressionPolicy(1.25, 0.01, 100, Duration.ofMillis(30), 5);
    private static final HealthSample BEFORE = new HealthSample(1_000, 0, 100_000);

    private LivePatcher patcher;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void attach() {
        patcher = new LivePatcher(AgentInstrumentation.obtain());
        patcher.addListener(new PatchListener() {
            @Override
            public void patchApplied(PatchReceipt receipt) {
                events.add("PatchApplied " + receipt.bundleId());
            }

            @Override
            public void regressionDetected(RegressionReport report) {
                events.add("RegressionDetected " + report.bundleId());
            }

            @Override
            public void rollbackExecuted(RollbackEntry entry) {
                events.add("RollbackExecuted " + entry.bundleId());
            }
        });
    }

    @AfterEach
    void detach() {
        if (patcher.versions().history(Beacon.class).size() > 1) {
            patcher.rollbackToOriginal(Beacon.class);
        }
        if (patcher.versions().history(Lamp.class).size() > 1) {
            patcher.rollbackToOriginal(Lamp.class);
        }
        patcher.close();
    }

    private PatchReceipt applyBeacon(String id, String text) {
        return patcher.apply(PatchBundle.of(id, new PatchOperation(Beacon.class,
                InMemoryCompiler.compileClass(BEACON, Variants.beacon(text)), "test")));
    }

    @Test
    void policyFlagsMoreFailuresAndSlowerCallsOnly() {
        assertThat(FAST.judge(BEFORE, new HealthSample(200, 10, 20_000))).get().asString().contains("failure rate");
        assertThat(FAST.judge(BEFORE, new HealthSample(200, 0, 30_000))).get().asString().contains("x1.50");
        assertThat(FAST.judge(BEFORE, new HealthSample(200, 0, 24_000))).isEmpty();
        assertThat(FAST.judge(BEFORE, new HealthSample(99, 99, 99_000))).as("too few calls").isEmpty();
    }

    @Test
    void regressionRollsTheBundleBackByItselfAndReportsBothEvents() throws Exception {
        AtomicReference<HealthSample> counters = new AtomicReference<>(new HealthSample(5_000, 0, 500_000));
        PatchReceipt receipt = applyBeacon("b-slow", "slow");
        assertThat(Beacon.signal()).isEqualTo("slow");

        try (RegressionWatch watch = new RegressionWatch(patcher, FAST)) {
            var verdict = watch.watch(receipt, BEFORE, counters::get);
            counters.set(new HealthSample(5_500, 0, 500_000 + 500 * 400));

            Optional<RegressionReport> report = verdict.get(10, TimeUnit.SECONDS);

            assertThat(report).get().satisfies(r -> {
                assertThat(r.bundleId()).isEqualTo("b-slow");
                assertThat(r.reason()).contains("mean call time rose from 100 ns to 400 ns");
            });
        }
        assertThat(Beacon.signal()).isEqualTo("original");
        assertThat(events).containsExactly("PatchApplied b-slow", "RegressionDetected b-slow", "RollbackExecuted b-slow");
        assertThat(patcher.rollbackLog().entries()).extracting(RollbackEntry::bundleId).containsExactly("b-slow");
    }

    @Test
    void healthyBundleStaysLive() throws Exception {
        AtomicReference<HealthSample> counters = new AtomicReference<>(new HealthSample(0, 0, 0));
        PatchReceipt receipt = applyBeacon("b-fine", "fine");

        try (RegressionWatch watch = new RegressionWatch(patcher, FAST)) {
            var verdict = watch.watch(receipt, BEFORE, counters::get);
            counters.set(new HealthSample(300, 0, 300 * 90));

            assertThat(verdict.get(10, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(Beacon.signal()).isEqualTo("fine");
        assertThat(events).containsExactly("PatchApplied b-fine");
    }

    @Test
    void olderBundleCanBeUndoneAloneWhenNoLaterBundleTouchedItsClasses() {
        applyBeacon("b-beacon", "beacon-2");
        patcher.apply(PatchBundle.of("b-lamp", new PatchOperation(Lamp.class, InMemoryCompiler.compileClass(
                "dev.ouroboros.patcher.fixture.Lamp", Variants.lamp("lamp-2")), "test")));

        RollbackEntry entry = patcher.rollbackBundle("b-beacon");

        assertThat(entry.restored()).extracting(CodeVersion::number).containsExactly(0);
        assertThat(Beacon.signal()).isEqualTo("original");
        assertThat(Lamp.light()).isEqualTo("lamp-2");
        assertThat(patcher.rollbackLast().bundleId()).isEqualTo("b-lamp");
        assertThat(Lamp.light()).isEqualTo("original");
    }

    @Test
    void olderBundleIsNotUndoneUnderALaterOneOnTheSameClass() {
        applyBeacon("b-first", "first");
        applyBeacon("b-second", "second");

        assertThatThrownBy(() -> patcher.rollbackBundle("b-first"))
                .isInstanceOf(PatchRejectedException.class)
                .hasMessageContaining("b-first").hasMessageContaining("[b-second]");
        assertThat(Beacon.signal()).isEqualTo("second");
        assertThatThrownBy(() -> patcher.rollbackBundle("b-unknown"))
                .isInstanceOf(PatchRejectedException.class).hasMessageContaining("not live");
    }
}
