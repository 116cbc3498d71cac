package dev.ouroboros.dream;

import dev.ouroboros.dream.DreamSession.EndReason;
import dev.ouroboros.dream.IdleStateMachine.Action;
import dev.ouroboros.dream.IdleStateMachine.Step;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws of the idle state machine over random machines: random activity (mostly quiet, sometimes over a
 * threshold or unreadable), random power, random jumps of the clock, sessions whose workers burn a random
 * share of every core and sometimes finish on their own. The scheduler is modelled as honest: it samples no
 * later than the machine asks, and a cancelled session returns at once.
 */
class IdleStateMachinePropertiesTest {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final double CORES = 2;

    /** One simulated period: what the machine shows and what the session does. */
    record Tick(long advanceMillis, double cpu, double memory, double diskOps, boolean unreadable, int power,
                double dreamLoad, double workRate, boolean sessionFinishes) {
    }

    /** The configuration under test. */
    record Setup(IdleThresholds thresholds, DreamBudget budget) {
    }

    /** What one sample saw and what the machine decided. */
    record Observed(Instant at, boolean over, Step step, boolean sessionWasRunning) {
    }

    /** A finished session in the simulation. */
    record Ended(Instant start, Instant end, Duration cpu, Duration wallAllowance, Duration cpuAllowance) {
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void neverDreamsWhileTheLatestSampleIsOverAThreshold(@ForAll("setups") Setup setup, @ForAll("ticks") List<Tick> ticks) {
        Run run = simulate(setup, ticks);
        for (Observed o : run.observed) {
            if (o.over()) {
                assertThat(o.step().state()).as("state after an over-threshold sample at %s", o.at())
                        .isNotEqualTo(IdleState.DREAMING).isNotEqualTo(IdleState.IDLE);
                assertThat(o.step().action()).isNotEqualTo(Action.START);
            }
        }
        Statistics.label("sessions started").collect(run.ended.isEmpty() ? "none" : "some");
        Statistics.label("sessions started").coverage(c -> c.check("some").percentage(p -> p > 30));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void activityCancelsARunningSessionOnTheSampleItAppears(@ForAll("setups") Setup setup,
                                                            @ForAll("ticks") List<Tick> ticks) {
        Run run = simulate(setup, ticks);
        for (Observed o : run.observed) {
            if (o.over() && o.sessionWasRunning() && o.step().state() != IdleState.WAKING) {
                throw new AssertionError("session still running after activity at " + o.at());
            }
            if (o.over() && o.sessionWasRunning() && o.step().action() == Action.CANCEL) {
                assertThat(o.step().reason()).isEqualTo(EndReason.ACTIVITY);
            }
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void neverReachesIdleBeforeEveryThresholdHeldForTheIdleTime(@ForAll("setups") Setup setup,
                                                                @ForAll("ticks") List<Tick> ticks) {
        Run run = simulate(setup, ticks);
        Instant firstQuiet = null;
        for (Observed o : run.observed) {
            if (o.over()) {
                firstQuiet = null;
                continue;
            }
            if (firstQuiet == null) {
                firstQuiet = o.at();
            }
            IdleState s = o.step().state();
            if (s == IdleState.IDLE || s == IdleState.DREAMING) {
                assertThat(Duration.between(firstQuiet, o.at()))
                        .as("quiet time before %s at %s", s, o.at())
                        .isGreaterThanOrEqualTo(setup.thresholds().idleTime());
            }
        }
        Statistics.label("reached idle").collect(run.observed.stream()
                .anyMatch(o -> o.step().state() == IdleState.IDLE || o.step().state() == IdleState.DREAMING));
        Statistics.label("reached idle").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void sessionsNeverExceedTheirOwnOrTheDailyBudget(@ForAll("setups") Setup setup, @ForAll("ticks") List<Tick> ticks) {
        Run run = simulate(setup, ticks);
        DreamBudget b = setup.budget();
        Map<LocalDate, Duration[]> perDay = new HashMap<>();
        for (Ended e : run.ended) {
            Duration wall = Duration.between(e.start(), e.end());
            assertThat(wall).as("wall time of session from %s", e.start())
                    .isLessThanOrEqualTo(e.wallAllowance()).isLessThanOrEqualTo(b.sessionWallTime());
            assertThat(e.cpu()).as("CPU time of session from %s", e.start())
                    .isLessThanOrEqualTo(e.cpuAllowance()).isLessThanOrEqualTo(b.sessionCpuTime());
            Duration[] day = perDay.computeIfAbsent(LocalDate.ofInstant(e.start(), ZoneOffset.UTC),
                    d -> new Duration[] {Duration.ZERO, Duration.ZERO});
            day[0] = day[0].plus(wall);
            day[1] = day[1].plus(e.cpu());
        }
        perDay.forEach((day, used) -> {
            assertThat(used[0]).as("wall time on %s", day).isLessThanOrEqualTo(b.dailyWallTime());
            assertThat(used[1]).as("CPU time on %s", day).isLessThanOrEqualTo(b.dailyCpuTime());
        });
        Statistics.label("sessions").collect(run.ended.size() == 0 ? "0" : run.ended.size() < 5 ? "1-4" : "5+");
        Statistics.label("budget cancellations").collect(run.budgetCancels > 0);
        Statistics.label("sessions").coverage(c -> c.check("5+").percentage(p -> p > 20));
        Statistics.label("budget cancellations").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /** The simulation's outcome. */
    static final class Run {
        final List<Observed> observed = new ArrayList<>();
        final List<Ended> ended = new ArrayList<>();
        int budgetCancels;
    }

    static Run simulate(Setup setup, List<Tick> ticks) {
        IdleStateMachine machine = new IdleStateMachine(setup.thresholds(), setup.budget(), PERIOD, ZoneOffset.UTC);
        Run run = new Run();
        Instant now = Instant.parse("2026-03-01T22:30:00Z");
        Instant next = now;
        DreamTrigger session = null;
        double sessionCpuSeconds = 0;
        double rate = 0;
        for (Tick t : ticks) {
            Instant target = now.plusMillis(t.advanceMillis());
            if (session != null && target.isAfter(next)) {
                target = next;
            }
            if (session != null) {
                sessionCpuSeconds += rate * CORES * Duration.between(now, target).toNanos() / 1e9;
            }
            now = target;
            if (session != null && t.sessionFinishes()) {
                machine.onSessionEnded(now, cpu(sessionCpuSeconds), false);
                run.ended.add(new Ended(session.at(), now, cpu(sessionCpuSeconds), session.wallAllowance(), session.cpuAllowance()));
                session = null;
            }
            ActivitySample sample = sample(now, t);
            boolean over = independentlyOver(setup.thresholds(), sample, t.dreamLoad());
            boolean wasRunning = session != null;
            Step step = machine.onSample(sample, t.dreamLoad(), session == null ? Duration.ZERO : cpu(sessionCpuSeconds));
            run.observed.add(new Observed(now, over, step, wasRunning));
            next = step.nextSampleAt();
            assertThat(next).isAfter(now.minusNanos(1));
            if (step.action() == Action.START) {
                session = step.trigger();
                sessionCpuSeconds = 0;
                rate = t.workRate();
            } else if (step.action() == Action.CANCEL) {
                if (step.reason() == EndReason.BUDGET) {
                    run.budgetCancels++;
                }
                // An honest session returns as soon as it is asked to stop.
                machine.onSessionEnded(now, cpu(sessionCpuSeconds), false);
                run.ended.add(new Ended(session.at(), now, cpu(sessionCpuSeconds), session.wallAllowance(), session.cpuAllowance()));
                session = null;
            }
        }
        return run;
    }

    private static Duration cpu(double seconds) {
        return Duration.ofNanos((long) Math.floor(seconds * 1e9));
    }

    private static ActivitySample sample(Instant at, Tick t) {
        Optional<PowerMetrics> power = switch (t.power()) {
            case 1 -> Optional.of(new PowerMetrics(false, 80));
            case 2 -> Optional.of(new PowerMetrics(true, 90));
            case 3 -> Optional.of(new PowerMetrics(true, 15));
            default -> Optional.empty();
        };
        if (t.unreadable()) {
            return new ActivitySample(at, CpuMetrics.unknown(), MemoryMetrics.ofFraction(t.memory()), new IoMetrics(t.diskOps(), 0), power);
        }
        return new ActivitySample(at, new CpuMetrics(t.cpu(), 0, CORES), MemoryMetrics.ofFraction(t.memory()),
                new IoMetrics(t.diskOps(), 0), power);
    }

    /** The thresholds' meaning, restated without the production code. */
    private static boolean independentlyOver(IdleThresholds th, ActivitySample s, double dreamLoad) {
        if (Double.isNaN(s.cpu().load())) {
            return true;
        }
        return s.cpu().load() - dreamLoad >= th.maxCpuLoad()
                || s.memory().usedFraction() >= th.maxMemoryUsed()
                || s.io().opsPerSecond() >= th.maxDiskOpsPerSecond();
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<IdleThresholds> thresholds = Combinators.combine(
                Arbitraries.doubles().between(0.02, 0.2).ofScale(4).withDistribution(RandomDistribution.uniform()),
                Arbitraries.doubles().between(0.5, 0.95).ofScale(4).withDistribution(RandomDistribution.uniform()),
                Arbitraries.doubles().between(1, 50).ofScale(4).withDistribution(RandomDistribution.uniform()),
                Arbitraries.of(30, 45, 60, 300))
                .as((cpu, mem, io, idle) -> IdleThresholds.builder().maxCpuLoad(cpu).maxMemoryUsed(mem)
                        .maxDiskOpsPerSecond(io).idleTime(Duration.ofSeconds(idle)).build());
        Arbitrary<DreamBudget> budgets = Combinators.combine(
                Arbitraries.integers().between(3, 180).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(1, 180).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(5, 1200).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(2, 1200).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 120).withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(-1, 100).withDistribution(RandomDistribution.uniform()))
                .as((wall, cpu, dayWall, dayCpu, pause, floor) -> {
                    DreamBudget.Builder b = DreamBudget.builder().sessionWallTime(Duration.ofSeconds(wall))
                            .sessionCpuTime(Duration.ofSeconds(cpu)).dailyWallTime(Duration.ofSeconds(dayWall))
                            .dailyCpuTime(Duration.ofSeconds(dayCpu)).pauseBetweenSessions(Duration.ofSeconds(pause));
                    return (floor < 0 ? b.neverOnBattery() : b.onBatteryAbove(floor)).build();
                });
        return Combinators.combine(thresholds, budgets).as(Setup::new).withoutEdgeCases();
    }

    @Provide
    Arbitrary<List<Tick>> ticks() {
        Arbitrary<Long> advance = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(88, Arbitraries.just(PERIOD.toMillis())),
                net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(0, 6_000).withDistribution(RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(6_000, 600_000).withDistribution(RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(600_000, 6 * 3_600_000L).withDistribution(RandomDistribution.uniform())));
        Arbitrary<Double> cpu = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(98, Arbitraries.doubles().between(0, 0.019).ofScale(4).withDistribution(RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(0, 1).ofScale(4).withDistribution(RandomDistribution.uniform())));
        Arbitrary<Double> memory = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(99, Arbitraries.doubles().between(0.1, 0.5).ofScale(4).withDistribution(RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 1).ofScale(4).withDistribution(RandomDistribution.uniform())));
        Arbitrary<Double> disk = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(99, Arbitraries.doubles().between(0, 0.9).ofScale(4).withDistribution(RandomDistribution.uniform())),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 100).ofScale(4).withDistribution(RandomDistribution.uniform())));
        Arbitrary<Boolean> unreadable = Arbitraries.integers().between(0, 199).withDistribution(RandomDistribution.uniform()).map(i -> i == 0);
        Arbitrary<Integer> power = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(90, Arbitraries.of(0, 1)),
                net.jqwik.api.Tuple.of(10, Arbitraries.of(2, 3)));
        Arbitrary<Double> dreamLoad = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(20, Arbitraries.doubles().between(0, 1).ofScale(4).withDistribution(RandomDistribution.uniform())));
        Arbitrary<Double> workRate = Arbitraries.doubles().between(0, 1).ofScale(4).withDistribution(RandomDistribution.uniform());
        Arbitrary<Boolean> finishes = Arbitraries.integers().between(0, 39).withDistribution(RandomDistribution.uniform()).map(i -> i == 0);
        Arbitrary<net.jqwik.api.Tuple.Tuple5<Long, Double, Double, Double, Boolean>> machine =
                Combinators.combine(advance, cpu, memory, disk, unreadable).as(net.jqwik.api.Tuple::of);
        Arbitrary<Tick> tick = Combinators.combine(machine, power, dreamLoad, workRate, finishes)
                .as((m, p, d, w, f) -> new Tick(m.get1(), m.get2(), m.get3(), m.get4(), m.get5(), p, d, w, f));
        return tick.withoutEdgeCases().list().ofMinSize(200).ofMaxSize(600)
                .withSizeDistribution(RandomDistribution.uniform());
    }
}
