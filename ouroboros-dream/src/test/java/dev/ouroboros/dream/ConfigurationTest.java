package dev.ouroboros.dream;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad configuration fails at {@code build()} with a message that names the rule and the value.
 */
class ConfigurationTest {

    @Test
    void defaultsAreTheDesignedOnes() {
        IdleThresholds t = IdleThresholds.defaults();
        assertThat(t.maxCpuLoad()).isEqualTo(0.05);
        assertThat(t.maxMemoryUsed()).isEqualTo(0.80);
        assertThat(t.maxDiskOpsPerSecond()).isEqualTo(10);
        assertThat(t.idleTime()).isEqualTo(Duration.ofMinutes(2));
        DreamBudget b = DreamBudget.defaults();
        assertThat(b.batteryFloorPercent()).isEmpty();
        assertThat(b.sessionWallTime()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void idleTimeOutsideThirtySecondsToOneHourIsRefused() {
        assertThatThrownBy(() -> IdleThresholds.builder().idleTime(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idleTime must be between 30 s and 1 h, was PT5S");
        assertThatThrownBy(() -> IdleThresholds.builder().idleTime(Duration.ofHours(2)).build())
                .hasMessage("idleTime must be between 30 s and 1 h, was PT2H");
        assertThat(IdleThresholds.builder().idleTime(Duration.ofSeconds(30)).build().idleTime()).hasSeconds(30);
        assertThat(IdleThresholds.builder().idleTime(Duration.ofHours(1)).build().idleTime()).hasHours(1);
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> IdleThresholds.builder().maxCpuLoad(1.5).build())
                .hasMessage("maxCpuLoad must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> IdleThresholds.builder().maxCpuLoad(0).build())
                .hasMessage("maxCpuLoad must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> IdleThresholds.builder().maxMemoryUsed(Double.NaN).build())
                .hasMessage("maxMemoryUsed must be in (0, 1], was NaN");
        assertThatThrownBy(() -> IdleThresholds.builder().maxDiskOpsPerSecond(-3).build())
                .hasMessage("maxDiskOpsPerSecond must be positive and finite, was -3.0");
    }

    @Test
    void negativeOrZeroBudgetsAreRefused() {
        assertThatThrownBy(() -> DreamBudget.builder().sessionWallTime(Duration.ofSeconds(-3)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sessionWallTime must be positive, was PT-3S");
        assertThatThrownBy(() -> DreamBudget.builder().dailyCpuTime(Duration.ZERO).build())
                .hasMessage("dailyCpuTime must be positive, was PT0S");
        assertThatThrownBy(() -> DreamBudget.builder().pauseBetweenSessions(Duration.ofMillis(-1)).build())
                .hasMessage("pauseBetweenSessions must not be negative, was PT-0.001S");
        assertThatThrownBy(() -> DreamBudget.builder().onBatteryAbove(120).build())
                .hasMessage("batteryFloorPercent must be between 0 and 100, was 120");
    }

    @Test
    void batteryPolicyDecidesWhetherABatteryMachineMayDream() {
        java.util.Optional<PowerMetrics> battery60 = java.util.Optional.of(new PowerMetrics(true, 60));
        java.util.Optional<PowerMetrics> mains = java.util.Optional.of(new PowerMetrics(false, 10));
        assertThat(DreamBudget.defaults().allowsPower(battery60)).isFalse();
        assertThat(DreamBudget.defaults().allowsPower(mains)).isTrue();
        assertThat(DreamBudget.defaults().allowsPower(java.util.Optional.empty())).isTrue();
        assertThat(DreamBudget.builder().onBatteryAbove(50).build().allowsPower(battery60)).isTrue();
        assertThat(DreamBudget.builder().onBatteryAbove(60).build().allowsPower(battery60)).isFalse();
    }

    @Test
    void schedulerRefusesAPeriodItCannotSampleWith() {
        ScriptedMetricsSource source = ScriptedMetricsSource.create();
        assertThatThrownBy(() -> DreamScheduler.builder().source(source).onSession(s -> { })
                .period(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be between 100 ms and 1 min, was PT0.01S");
        assertThatThrownBy(() -> DreamScheduler.builder().source(source).onSession(s -> { })
                .thresholds(IdleThresholds.builder().idleTime(Duration.ofSeconds(30)).build())
                .period(Duration.ofSeconds(20)).build())
                .hasMessage("period must be at most half the idle time (PT30S), was PT20S");
        assertThatThrownBy(() -> DreamScheduler.builder().source(source).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onSession must be set");
    }

    @Test
    void metricRecordsRefuseImpossibleReadings() {
        assertThatThrownBy(() -> new CpuMetrics(1.2, 0, 2)).hasMessage("load must be between 0 and 1 or NaN, was 1.2");
        assertThatThrownBy(() -> new IoMetrics(-1, 0)).hasMessage("opsPerSecond must be a finite rate >= 0 or NaN, was -1.0");
        assertThatThrownBy(() -> new PowerMetrics(true, 101)).hasMessage("remainingPercent must be between 0 and 100, was 101.0");
        assertThat(MemoryMetrics.unknown().usedFraction()).isNaN();
        assertThat(new MemoryMetrics(3, 4).usedFraction()).isEqualTo(0.75);
    }
}
