package dev.ouroboros.arena;

/**
 * When timings prove a mutant faster: the Mann-Whitney U test must reject "no difference" at
 * {@code alpha} in the mutant's favour, the Vargha-Delaney Â12 must show at least {@code minEffect}
 * (Â12 ≥ 0.5 + minEffect), and the median speed-up must reach {@code minSpeedup}. All three guard
 * against a different failure: chance (alpha), a consistent but tiny shift (effect), and a
 * significant but worthless gain (speed-up).
 *
 * @param alpha      significance level of the two-sided test, within (0, 1); default 0.05
 * @param minEffect  least Â12 − 0.5, within [0, 0.5]; default 0.14 (Vargha-Delaney "medium")
 * @param minSpeedup least original median / mutant median, at least 1; default 1.05
 */
public record AcceptanceCriteria(double alpha, double minEffect, double minSpeedup) {

    /** Validates the ranges above. */
    public AcceptanceCriteria {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1), was " + alpha);
        }
        if (!(minEffect >= 0 && minEffect <= 0.5)) {
            throw new IllegalArgumentException("minEffect must be within [0, 0.5], was " + minEffect);
        }
        if (!(minSpeedup >= 1) || Double.isInfinite(minSpeedup)) {
            throw new IllegalArgumentException("minSpeedup must be a finite number of at least 1, was " + minSpeedup);
        }
    }

    /** alpha 0.05, a medium effect (|Â12 − 0.5| ≥ 0.14), at least 5% faster by median. */
    public static AcceptanceCriteria defaults() {
        return new AcceptanceCriteria(0.05, 0.14, 1.05);
    }

    /** These criteria with another alpha. */
    public AcceptanceCriteria withAlpha(double newAlpha) {
        return new AcceptanceCriteria(newAlpha, minEffect, minSpeedup);
    }

    /** These criteria with another least effect. */
    public AcceptanceCriteria withMinEffect(double newMinEffect) {
        return new AcceptanceCriteria(alpha, newMinEffect, minSpeedup);
    }

    /** These criteria with another least speed-up. */
    public AcceptanceCriteria withMinSpeedup(double newMinSpeedup) {
        return new AcceptanceCriteria(alpha, minEffect, newMinSpeedup);
    }
}
