package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.arena.TimingClock;
import dev.ouroboros.patcher.RegressionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EvolutionConfigTest {

    @Test
    void agentArgsSetEveryOption() {
        EvolutionConfig c = EvolutionConfig.fromAgentArgs("source=src/main/java;gen/src,target=com.acme.Report#toCsv,"
                + "tests=com.acme.ReportTest;com.acme.ReportIT,operators=string-builder-in-loop,seed=7,delay=500ms,"
                + "profile=PT3S,cycles=2,candidates=5,min-speedup=1.5,timeout=2m,warmup=1,rounds=6,"
                + "classpath=a.jar;b,approval=approve-major,verbose=false,trigger=immediate,idle-time=2m,max-cpu=0.2,"
                + "session-time=30s,jmx=false");

        assertThat(c.sourceRoots()).containsExactly(Path.of("src/main/java"), Path.of("gen/src"));
        assertThat(c.targetClass()).hasValue("com.acme.Report");
        assertThat(c.targetMethod()).hasValue("toCsv");
        assertThat(c.testClasses()).containsExactly("com.acme.ReportTest", "com.acme.ReportIT");
        assertThat(c.operators()).containsExactly("string-builder-in-loop");
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.startDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.profileDuration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.cycles()).isEqualTo(2);
        assertThat(c.maxCandidates()).isEqualTo(5);
        assertThat(c.minSpeedup()).isEqualTo(1.5);
        assertThat(c.sandboxTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.warmupRounds()).isEqualTo(1);
        assertThat(c.measuredRounds()).isEqualTo(6);
        assertThat(c.classpath()).containsExactly(Path.of("a.jar").toAbsolutePath(), Path.of("b").toAbsolutePath());
        assertThat(c.approval()).isEqualTo(ApprovalMode.APPROVE_MAJOR);
        assertThat(c.verbose()).isFalse();
        assertThat(c.trigger()).isEqualTo(CycleTrigger.IMMEDIATE);
        assertThat(c.idleTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.maxCpuLoad()).isEqualTo(0.2);
        assertThat(c.sessionTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.jmx()).isFalse();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        EvolutionConfig c = EvolutionConfig.fromAgentArgs("source=src");
        assertThat(c.target()).isEmpty();
        assertThat(c.profileDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.cycles()).isEqualTo(1);
        assertThat(c.maxCandidates()).isEqualTo(20);
        assertThat(c.minSpeedup()).isEqualTo(1.10);
        assertThat(c.sandboxTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.warmupRounds()).isEqualTo(3);
        assertThat(c.measuredRounds()).isEqualTo(10);
        assertThat(c.approval()).isEqualTo(ApprovalMode.AUTOMATIC);
        assertThat(c.classpath()).isNotEmpty();
        assertThat(c.trigger()).isEqualTo(CycleTrigger.DREAM);
        assertThat(c.verbose()).as("agents report their progress unless told not to").isTrue();
        assertThat(EvolutionConfig.builder().sourceRoots(Path.of("src")).build().verbose()).isFalse();
        assertThat(c.idleTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxCpuLoad()).isEqualTo(0.05);
        assertThat(c.jmx()).isTrue();
    }

    @Test
    void propertiesAcceptTheSameOptionsAndIgnoreOtherKeys() {
        Properties p = new Properties();
        p.setProperty("ouroboros.source", "src");
        p.setProperty("ouroboros.target", "com.acme.Report");
        p.setProperty("ouroboros.rounds", "5");
        p.setProperty("java.home", "/somewhere");
        EvolutionConfig c = EvolutionConfig.fromProperties(p);
        assertThat(c.targetClass()).hasValue("com.acme.Report");
        assertThat(c.targetMethod()).isEmpty();
        assertThat(c.measuredRounds()).isEqualTo(5);
    }

    @Test
    void timingClockAndJmhFinalistsComeFromAgentOptionsWithCheckedValues() {
        assertThat(EvolutionConfig.fromAgentArgs("source=src").timingClock()).isEqualTo(TimingClock.THREAD_CPU);
        assertThat(EvolutionConfig.fromAgentArgs("source=src").jmhFinalists()).isZero();
        EvolutionConfig c = EvolutionConfig.fromAgentArgs("source=src,clock=wall,jmh-finalists=2");
        assertThat(c.timingClock()).isEqualTo(TimingClock.WALL);
        assertThat(c.jmhFinalists()).isEqualTo(2);
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,clock=sundial"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("clock must be one of [cpu, wall], was 'sundial'");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,jmh-finalists=9"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("jmh-finalists must be from 0 (off) to 5, was 9");
    }

    @Test
    void unknownOptionIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,colour=blue"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("unknown option 'colour'")
                .hasMessageContaining("source, target, tests");
    }

    @Test
    void malformedValuesNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,rounds=many"))
                .hasMessage("rounds must be a whole number, was 'many'");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,timeout=soon"))
                .hasMessageContaining("timeout must be a duration such as 500ms");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,approval=maybe"))
                .hasMessage("approval must be one of [automatic, approve-major, manual, disabled], was 'maybe'");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,trigger=sometimes"))
                .hasMessage("trigger must be one of [dream, immediate], was 'sometimes'");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,max-cpu=5"))
                .hasMessage("max-cpu must be a fraction in (0, 1], was 5.0");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,min-speedup=0.9"))
                .hasMessage("min-speedup must be a number above 1.0, was 0.9");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,target=#toCsv"))
                .hasMessageContaining("target must be pkg.Class or pkg.Class#method");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,oops"))
                .hasMessageContaining("agent option 'oops' is not key=value");
    }

    @Test
    void missingSourceIsRefusedWithAnExample() {
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("target=com.acme.Report"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("source=src/main/java");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs(""))
                .hasMessageContaining("-javaagent:ouroboros-agent.jar=source=<dir>");
    }

    @Property(tries = 50)
    void roundsBelowThreeAreRefusedAndOthersKept(@ForAll @IntRange(min = -5, max = 100) int rounds) {
        if (rounds < 5) {
            assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,rounds=" + rounds))
                    .hasMessage("rounds must be at least 5 for a rank test on the timings, was " + rounds);
        } else {
            assertThat(EvolutionConfig.fromAgentArgs("source=src,rounds=" + rounds).measuredRounds()).isEqualTo(rounds);
        }
    }

    @Test
    void regressionWatchIsOnByDefaultWithThePatchersDefaultPolicy() {
        EvolutionConfig c = EvolutionConfig.fromAgentArgs("source=src");
        assertThat(c.watch()).isTrue();
        assertThat(c.watchPolicy()).isEqualTo(RegressionPolicy.defaults());
    }

    @Test
    void regressionWatchOptionsComeFromAgentArgsPropertiesAndTheBuilder() {
        EvolutionConfig fromArgs = EvolutionConfig.fromAgentArgs("source=src,watch=off,watch-slowdown=1.5,"
                + "watch-failure-rise=0.01,watch-min-calls=50,watch-window=250ms,watch-windows=4");
        RegressionPolicy expected = new RegressionPolicy(1.5, 0.01, 50, Duration.ofMillis(250), 4);
        assertThat(fromArgs.watch()).isFalse();
        assertThat(fromArgs.watchPolicy()).isEqualTo(expected);

        Properties p = new Properties();
        p.setProperty("ouroboros.source", "src");
        p.setProperty("ouroboros.watch-slowdown", "1.5");
        p.setProperty("ouroboros.watch-failure-rise", "0.01");
        p.setProperty("ouroboros.watch-min-calls", "50");
        p.setProperty("ouroboros.watch-window", "250ms");
        p.setProperty("ouroboros.watch-windows", "4");
        assertThat(EvolutionConfig.fromProperties(p).watchPolicy()).isEqualTo(expected);
        assertThat(EvolutionConfig.fromProperties(p).watch()).isTrue();

        EvolutionConfig built = EvolutionConfig.builder().sourceRoots(Path.of("src")).watch(false).watchMaxSlowdown(1.5)
                .watchMaxFailureRise(0.01).watchMinCalls(50).watchWindow(Duration.ofMillis(250)).watchMaxWindows(4)
                .build();
        assertThat(built.watchPolicy()).isEqualTo(expected);
        assertThat(built.watch()).isFalse();
    }

    @Test
    void badRegressionWatchValuesNameTheOptionAndTheAcceptedValues() {
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch=maybe"))
                .hasMessage("watch must be true or false, was 'maybe'");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-slowdown=0.8"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("watch-slowdown must be a number of at least 1.0 (1.25 allows calls 25% slower than before"
                        + " the swap), was 0.8");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-failure-rise=2"))
                .hasMessageStartingWith("watch-failure-rise must be a fraction from 0 to 1").hasMessageEndingWith("was 2.0");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-min-calls=0"))
                .hasMessage("watch-min-calls must be at least 1, was 0");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-window=5ms"))
                .hasMessage("watch-window must be between 10ms and 1h, was PT0.005S");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-window=often"))
                .hasMessageContaining("watch-window must be a duration such as 500ms");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-windows=0"))
                .hasMessage("watch-windows must be from 1 to 1000, was 0");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,watch-min-calls=lots"))
                .hasMessage("watch-min-calls must be a whole number, was 'lots'");
    }

    @Test
    void builderRecordsAreImmutable() {
        EvolutionConfig c = EvolutionConfig.builder().sourceRoots(Path.of("src")).testClasses("a.BTest").build();
        assertThatThrownBy(() -> c.testClasses().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.sourceRoots()).isEqualTo(List.of(Path.of("src")));
    }
}
