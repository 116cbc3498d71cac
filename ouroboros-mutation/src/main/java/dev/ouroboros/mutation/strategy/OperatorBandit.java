package dev.ouroboros.mutation.strategy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Learns which operators pay off: step 9 of the loop feeds each candidate's outcome back, and the
 * bandit strategy spends more of its budget on operators that succeed.
 *
 * <p>Thompson sampling over Bernoulli arms: each operator's success probability has a
 * {@code Beta(1 + successes, 1 + failures)} posterior; {@link #choose} draws one value from every
 * posterior and takes the largest. An operator that rarely wins is still tried now and then, in
 * proportion to the chance that it is in fact the best. Every draw comes from the generator passed
 * in, so a seeded run chooses the same operators. Safe for use by several threads.
 */
public final class OperatorBandit {

    private final Map<String, long[]> outcomes = new LinkedHashMap<>();

    private OperatorBandit(Collection<String> operators) {
        for (String name : operators) {
            requireName(name);
            if (outcomes.putIfAbsent(name, new long[2]) != null) {
                throw new IllegalArgumentException("operator names must be unique, '" + name + "' appears twice");
            }
        }
    }

    /**
     * Creates a bandit over the named operators, none tried yet (every posterior uniform).
     *
     * @throws IllegalArgumentException when the list is empty or holds a blank or repeated name
     */
    public static OperatorBandit of(Collection<String> operators) {
        Objects.requireNonNull(operators, "operators must not be null");
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("operators must not be empty, was " + operators);
        }
        return new OperatorBandit(operators);
    }

    /** Records one outcome of a candidate made by {@code operator}; an operator not known yet is added. */
    public void record(String operator, boolean success) {
        record(operator, success ? 1 : 0, success ? 0 : 1);
    }

    /**
     * Records many outcomes at once, for example a cycle's tally from the engine.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public synchronized void record(String operator, long successes, long failures) {
        requireName(operator);
        if (successes < 0 || failures < 0) {
            throw new IllegalArgumentException("outcome counts must not be negative, were successes=" + successes
                    + " failures=" + failures);
        }
        long[] counts = outcomes.computeIfAbsent(operator, k -> new long[2]);
        counts[0] += successes;
        counts[1] += failures;
    }

    /** Returns the operator names in the order they became known. */
    public synchronized List<String> operators() {
        return List.copyOf(outcomes.keySet());
    }

    /** Returns the posterior mean success rate {@code (1 + s) / (2 + s + f)} of an operator; 0.5 when unknown. */
    public synchronized double successRate(String operator) {
        long[] c = outcomes.get(operator);
        return c == null ? 0.5 : (1.0 + c[0]) / (2.0 + c[0] + c[1]);
    }

    /** Returns how many outcomes were recorded for an operator. */
    public synchronized long trials(String operator) {
        long[] c = outcomes.get(operator);
        return c == null ? 0 : c[0] + c[1];
    }

    /** Chooses among all known operators; see {@link #choose(Collection, RandomGenerator)}. */
    public String choose(RandomGenerator random) {
        return choose(operators(), random);
    }

    /**
     * Chooses one of {@code among} by Thompson sampling: one posterior draw per operator, in the
     * given order, largest wins (the first on a tie). Operators not known yet have a uniform posterior.
     *
     * @throws IllegalArgumentException when {@code among} is empty
     */
    public synchronized String choose(Collection<String> among, RandomGenerator random) {
        Objects.requireNonNull(among, "among must not be null");
        Objects.requireNonNull(random, "random must not be null");
        if (among.isEmpty()) {
            throw new IllegalArgumentException("among must not be empty, was " + among);
        }
        String best = null;
        double bestDraw = -1;
        for (String name : new ArrayList<>(among)) {
            long[] c = outcomes.getOrDefault(name, new long[2]);
            double draw = beta(1.0 + c[0], 1.0 + c[1], random);
            if (draw > bestDraw) {
                best = name;
                bestDraw = draw;
            }
        }
        return best;
    }

    private static double beta(double a, double b, RandomGenerator random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's method for shape >= 1 (the posterior shapes here always are). */
    private static double gamma(double shape, RandomGenerator random) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("operator name must not be blank, was " + name);
        }
    }
}
