package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live patcher in a forked JVM started with {@code -javaagent}: real {@code redefineClasses}, real
 * {@code retransformClasses}, no mocks. The child runs {@link LiveScenarios} once; each test checks one
 * behaviour from the facts it printed.
 */
class LivePatcherAgentTest {

    private static ForkedJvm.Outcome outcome;
    private static Map<String, String> facts;

    @BeforeAll
    static void runScenariosInAForkedJvm() throws Exception {
        Path dir = Files.createTempDirectory("ouroboros-agent-test");
        Path jar = ForkedJvm.agentJar(dir);
        Path variants = Files.createDirectory(dir.resolve("variants"));
        LiveScenarios.writeVariants(variants);
        outcome = ForkedJvm.run(jar, "scenarios", LiveScenarios.class, 120, variants.toString(),
                System.getProperty("ouroboros.test.loadCycles", "1000"));
        facts = outcome.facts();
        System.out.println(outcome.stdout());
        System.out.println(outcome.stderr());
    }

    private static String fact(String key) {
        assertThat(facts).as("facts printed by the forked JVM; stderr:%n%s", outcome.stderr()).containsKey(key);
        return facts.get(key);
    }

    @Test
    void childRanEveryScenarioWithoutUnexpectedErrors() {
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(facts.keySet()).as(outcome.stdout()).noneMatch(key -> key.endsWith(".error"));
        assertThat(fact("done")).isEqualTo("true");
    }

    @Test
    void premainStoresInstrumentationAndHandsOverToStartups() {
        assertThat(fact("agent.current")).isEqualTo("present");
        assertThat(fact("startup.args")).isEqualTo("scenarios");
        assertThat(fact("startup.sameInstrumentation")).isEqualTo("true");
    }

    @Test
    void appliedBundleChangesTheLiveMethod() {
        assertThat(fact("greet.before")).isEqualTo("original");
        assertThat(fact("greet.afterApply")).isEqualTo("patched");
        assertThat(fact("apply.versions")).isEqualTo("[1]");
        assertThat(fact("apply.pausePositive")).isEqualTo("true");
        assertThat(fact("history.afterApply")).isEqualTo("[0, 1]");
    }

    @Test
    void currentBytesAreTheBytesTheJvmRunsNow() {
        assertThat(fact("bytes.afterApplyIsVersion1")).isEqualTo("true");
        assertThat(fact("runs.afterApply")).isEqualTo("true,false");
    }

    @Test
    void rollbackRestoresOriginalBytes() {
        assertThat(fact("greet.afterRollback")).isEqualTo("original");
        assertThat(fact("rollback.bundleId")).isEqualTo("b-greet");
        assertThat(fact("rollback.restored")).isEqualTo("[0]");
        assertThat(fact("bytes.afterRollbackIsOriginal")).isEqualTo("true");
        assertThat(fact("runs.afterRollback")).isEqualTo("true,false");
        assertThat(fact("registry.originalMatchesSha")).isEqualTo("true");
        assertThat(fact("rollbackLog.size")).isEqualTo("1");
        assertThat(fact("current.afterRollback")).isEqualTo("0");
    }

    @Test
    void bundleWithOneSchemaChangeChangesNothing() {
        assertThat(fact("bad.rejected")).isEqualTo("true");
        assertThat(fact("bad.message")).contains("b-bad", "dev.ouroboros.patcher.fixture.Counter", "peek()I",
                "method-added", "no class was changed");
        assertThat(fact("bad.greetAfter")).isEqualTo("original");
        assertThat(fact("bad.counterAfter")).isEqualTo("1,2");
        assertThat(fact("bad.greeterBytesUnchanged")).isEqualTo("true");
        assertThat(fact("bad.counterBytesUnchanged")).isEqualTo("true");
        assertThat(fact("bad.historyUnchanged")).isEqualTo("true");
        assertThat(fact("bad.counterNotRegistered")).isEqualTo("true");
    }

    @Test
    void bundleTheJvmRefusesChangesNoClass() {
        assertThat(fact("refusal.preflightPasses")).isEqualTo("true");
        assertThat(fact("refusal.rejected")).isEqualTo("true");
        assertThat(fact("refusal.message")).contains("b-unverifiable", "VerifyError", "no class was changed");
        assertThat(fact("refusal.counterAfter")).as("Counter would count by 100 if half the bundle went live")
                .isEqualTo("1");
        assertThat(fact("refusal.greetAfter")).isEqualTo("original");
    }

    @Test
    void payloadWhoseHashChangedIsNotSwapped() {
        assertThat(fact("tampered.rejected")).isEqualTo("true");
        assertThat(fact("tampered.message")).contains("dev.ouroboros.patcher.fixture.Greeter", "SHA-256");
        assertThat(fact("tampered.greetAfter")).isEqualTo("original");
    }

    @Test
    void unmodifiableClassIsRefusedWithItsRule() {
        assertThat(fact("unmodifiable.rejected")).isEqualTo("true");
        assertThat(fact("unmodifiable.message")).contains("bundle 'b-lambda' refused", "unmodifiable-class", "$$Lambda");
    }

    @Test
    void rollbackToOriginalSkipsEveryLaterVersion() {
        assertThat(fact("toOriginal.beforeRollback")).isEqualTo("two");
        assertThat(fact("toOriginal.greetAfter")).isEqualTo("original");
        assertThat(fact("toOriginal.bundleId")).isEqualTo("to-version-0:dev.ouroboros.patcher.fixture.Greeter");
        assertThat(fact("toOriginal.bytesAreOriginal")).isEqualTo("true");
        assertThat(fact("toOriginal.history")).isEqualTo("[0, 1, 2, 3]");
        assertThat(fact("toOriginal.undoEmpty")).isEqualTo("true");
    }

    @Test
    void everyCopyOfAClassAcrossLoadersIsPatchedInOneCall() {
        assertThat(fact("twins.copies")).isEqualTo("2");
        assertThat(fact("twins.after")).isEqualTo("patched,patched");
        assertThat(fact("twins.separateHistories")).isEqualTo("2,2");
        assertThat(fact("twins.versions")).isEqualTo("[1, 1]");
        assertThat(fact("twins.afterRollback")).isEqualTo("original,original");
    }

    @Test
    void rollbackOfAnUnloadedClassFailsClearlyAndKeepsTheHistory() {
        assertThat(fact("unloaded.patched")).isEqualTo("patched");
        assertThat(fact("unloaded.loaderCollected")).isEqualTo("true");
        assertThat(fact("unloaded.rejected")).isEqualTo("true");
        assertThat(fact("unloaded.message")).contains("b-doomed", "dev.ouroboros.patcher.fixture.Twin",
                "was unloaded", "nothing was changed", "left the undo history");
        assertThat(fact("unloaded.undoHistoryFreed")).isEqualTo("true");
        assertThat(Integer.parseInt(fact("unloaded.historyKept"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void swapUnderLoadNeverShowsAThirdResultOrAFailure() {
        assertThat(Integer.parseInt(fact("load.cycles"))).isPositive();
        assertThat(Long.parseLong(fact("load.calls"))).isPositive();
        assertThat(fact("load.failures")).isEqualTo("0");
        assertThat(fact("load.foreignResults")).isEqualTo("0");
        assertThat(fact("load.sawOld")).isEqualTo("true");
        assertThat(fact("load.valueAfter")).isEqualTo("1");
        assertThat(fact("load.bytesAreOriginal")).isEqualTo("true");
        assertThat(fact("load.runsOriginal")).isEqualTo("true");
        assertThat(Integer.parseInt(fact("load.historySize"))).isEqualTo(1 + Integer.parseInt(fact("load.cycles")));
    }

    @Test
    void runningBytesAreReadBackOnlyWhenThePatcherCannotKnowThem() {
        assertThat(fact("capture.firstPatch")).as("one retransformation before the first patch").isEqualTo("1");
        assertThat(fact("capture.ownLaterSwaps")).as("none before the patcher's own later swaps").isEqualTo("1");
        assertThat(fact("capture.readingAfterOwnSwaps")).isEqualTo("2");
        assertThat(fact("capture.readingAfterOtherPatcher")).isEqualTo("3");
        assertThat(fact("capture.afterOtherPatcher")).as("another patcher swapped the class: read again")
                .isEqualTo("1");
        assertThat(fact("capture.reading")).isEqualTo("1");
        assertThat(fact("capture.runsLatest")).isEqualTo("true");
        assertThat(fact("capture.readingAfterRollback")).isEqualTo("0");
    }

    @Test
    void aHelperClassTheWinnerNeedsIsDefinedBesideItOnceAndAnotherOfItsNameIsRefused() {
        assertThat(fact("helper.before")).isEqualTo("1");
        assertThat(fact("helper.loadedBefore")).isEqualTo("false");
        assertThat(fact("helper.sameLoader")).isEqualTo("true");
        assertThat(fact("helper.name")).isEqualTo("dev.ouroboros.patcher.fixture.Gauge_Helper");
        assertThat(fact("helper.afterApply")).isEqualTo("7");
        assertThat(fact("helper.again")).isEqualTo("true");
        assertThat(fact("helper.otherRefused")).isEqualTo("true");
        assertThat(fact("helper.otherMessage")).contains("Gauge_Helper", "already loaded", "other code",
                "nothing was defined");
        assertThat(fact("helper.elsewhereRefused")).isEqualTo("true");
        assertThat(fact("helper.elsewhereMessage")).contains("not in the package of java.lang.String",
                "nothing was defined");
        assertThat(fact("helper.afterRollback")).isEqualTo("1");
    }
}
