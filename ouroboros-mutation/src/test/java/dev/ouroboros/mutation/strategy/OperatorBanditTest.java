package dev.ouroboros.mutation.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OperatorBanditTest {

    private static final Map<String, Double> TRUE_RATES = Map.of("statement-delete", 0.10,
            "binary-operator-replace", 0.30, "condition-negate", 0.60);

    /** Plays {@code rounds} rounds against simulated outcomes; returns the operators chosen, in order. */
    private static List<String> simulate(long seed, int rounds) {
        OperatorBandit bandit = OperatorBandit.of(List.of("statement-delete", "binary-operator-replace",
                "condition-negate"));
        SplittableRandom choices = new SplittableRandom(seed);
        SplittableRandom world = new SplittableRandom(seed + 1000);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String op = bandit.choose(choices);
            chosen.add(op);
            bandit.record(op, world.nextDouble() < TRUE_RATES.get(op));
        }
        return chosen;
    }

    @Test
    void convergesToTheBetterOperatorInASimulatedRun() {
        for (long seed = 1; seed <= 5; seed++) {
            List<String> chosen = simulate(seed, 600);
            long best = chosen.subList(400, 600).stream().filter("condition-negate"::equals).count();
            assertThat(best).as("seed %d: rounds 400-599 choosing the 60%% operator", seed).isGreaterThan(170);
            long worst = chosen.stream().filter("statement-delete"::equals).count();
            assertThat(worst).as("seed %d: tries of the 10%% operator", seed).isLessThan(60);
        }
    }

    @Test
    void sameSeedGivesTheSameChoices() {
        assertThat(simulate(7, 200)).isEqualTo(simulate(7, 200)).isNotEqualTo(simulate(8, 200));
    }

    @Test
    void posteriorMeansFollowRecordedOutcomesAndUnknownOperatorsJoin() {
        OperatorBandit bandit = OperatorBandit.of(List.of("a"));
        assertThat(bandit.successRate("a")).isEqualTo(0.5);
        bandit.record("a", 8, 0);
        bandit.record("llm-guided", false);
        assertThat(bandit.successRate("a")).isEqualTo(0.9);
        assertThat(bandit.successRate("llm-guided")).isEqualTo(1.0 / 3);
        assertThat(bandit.operators()).containsExactly("a", "llm-guided");
        assertThat(bandit.trials("a")).isEqualTo(8);
    }

    @Test
    void threadsRecordingAndChoosingAtOnceLoseNoOutcome() throws Exception {
        OperatorBandit bandit = OperatorBandit.of(List.of("a", "b"));
        int threads = 4;
        int rounds = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < rounds; i++) {
                        String op = bandit.choose(List.of("a", "b"), random);
                        bandit.record(op, op.equals("b") && random.nextBoolean());
                        bandit.record("c" + (i % 3), i % 2 == 0);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bandit.trials("a") + bandit.trials("b")).isEqualTo((long) threads * rounds);
        assertThat(bandit.trials("c0") + bandit.trials("c1") + bandit.trials("c2")).isEqualTo((long) threads * rounds);
        assertThat(bandit.trials("b")).isGreaterThan(bandit.trials("a"));
    }

    @Test
    void badInputIsRefusedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> OperatorBandit.of(List.of())).hasMessage("operators must not be empty, was []");
        assertThatThrownBy(() -> OperatorBandit.of(List.of("a", "a"))).hasMessageContaining("'a' appears twice");
        OperatorBandit bandit = OperatorBandit.of(List.of("a"));
        assertThatThrownBy(() -> bandit.record("a", -1, 0))
                .hasMessage("outcome counts must not be negative, were successes=-1 failures=0");
        assertThatThrownBy(() -> bandit.choose(List.of(), new SplittableRandom(1)))
                .hasMessage("among must not be empty, was []");
    }
}
