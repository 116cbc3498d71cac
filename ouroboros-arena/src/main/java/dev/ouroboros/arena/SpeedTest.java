package dev.ouroboros.arena;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whether one set of timings is faster than another, decided on the samples rather than on one
 * number: the Mann-Whitney U test (normal approximation with tie and continuity correction), the
 * Vargha-Delaney Â12 effect size and, for reference, Welch's t test.
 *
 * <p>The first sample is the original's, the second the mutant's, both in nanoseconds (lower is
 * faster). {@code a12} is the probability that a random original run is slower than a random mutant
 * run, ties counting half: 0.5 means no difference, 1.0 means every mutant run was faster than every
 * original run. Vargha and Delaney call |Â12 − 0.5| below 0.06 negligible, below 0.14 small, below
 * 0.21 medium, and large from there.
 *
 * @param originalCount   n1, the original's sample size
 * @param mutantCount     n2, the mutant's sample size
 * @param uOriginal       U1: pairs (original, mutant) where the original was slower, ties counting half
 * @param uMutant         U2 = n1·n2 − U1
 * @param z               U1's standard score under "no difference" (continuity-corrected); 0 when every value ties
 * @param pValue          two-sided p-value of the Mann-Whitney test, within [0, 1]
 * @param a12             Vargha-Delaney Â12 = U1 / (n1·n2), within [0, 1]
 * @param welchT          Welch's t of mean(original) − mean(mutant); NaN when a sample has fewer than 2 values or no variance
 * @param welchPValue     two-sided p-value of Welch's t test; NaN when {@code welchT} is
 */
public record SpeedTest(int originalCount, int mutantCount, double uOriginal, double uMutant, double z, double pValue,
        double a12, double welchT, double welchPValue) {

    /** Validates the ranges above. */
    public SpeedTest {
        if (originalCount < 1 || mutantCount < 1) {
            throw new IllegalArgumentException("both samples need at least one value, had " + originalCount + " and "
                    + mutantCount);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be within [0, 1], was " + pValue);
        }
        if (!(a12 >= 0 && a12 <= 1)) {
            throw new IllegalArgumentException("a12 must be within [0, 1], was " + a12);
        }
    }

    /** Compares the original's timings with the mutant's; neither may be empty. */
    public static SpeedTest of(List<? extends Number> originalNanos, List<? extends Number> mutantNanos) {
        Objects.requireNonNull(originalNanos, "originalNanos");
        Objects.requireNonNull(mutantNanos, "mutantNanos");
        return of(originalNanos.stream().mapToDouble(Number::doubleValue).toArray(),
                mutantNanos.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Compares two samples; the first is the original's (see the class comment). */
    public static SpeedTest of(double[] original, double[] mutant) {
        int n1 = original.length;
        int n2 = mutant.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value, had " + n1 + " and " + n2);
        }
        for (double v : original) {
            requireFinite(v);
        }
        for (double v : mutant) {
            requireFinite(v);
        }
        int n = n1 + n2;
        double[] all = new double[n];
        System.arraycopy(original, 0, all, 0, n1);
        System.arraycopy(mutant, 0, all, n1, n2);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] rank = new double[n];
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += rank[i];
        }
        // U1 counts pairs where the original's value is larger (slower), ties half.
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double product = (double) n1 * n2;
        double u2 = product - u1;
        double mean = product / 2;
        double variance = product / 12.0 * ((n + 1) - (n > 1 ? tieTerm / ((double) n * (n - 1)) : 0));
        double z;
        double p;
        if (variance <= 0) {
            z = 0;
            p = 1;
        } else {
            double distance = Math.max(0, Math.abs(u1 - mean) - 0.5);
            z = Math.signum(u1 - mean) * distance / Math.sqrt(variance);
            p = Math.min(1, 2 * upperNormalTail(Math.abs(z)));
        }
        double a12 = u1 / product;
        double t = Double.NaN;
        double welchP = Double.NaN;
        if (n1 > 1 && n2 > 1) {
            double m1 = mean(original);
            double m2 = mean(mutant);
            double v1 = variance(original, m1) / n1;
            double v2 = variance(mutant, m2) / n2;
            if (v1 + v2 > 0) {
                t = (m1 - m2) / Math.sqrt(v1 + v2);
                double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
                welchP = Math.min(1, Math.max(0, regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)));
            }
        }
        return new SpeedTest(n1, n2, u1, u2, z, p, Math.min(1, Math.max(0, a12)), t, welchP);
    }

    /** True when the test says the mutant is faster: p below {@code alpha} and Â12 above 0.5. */
    public boolean mutantFasterAt(double alpha) {
        return pValue < alpha && a12 > 0.5;
    }

    /** Vargha and Delaney's name for the size of |Â12 − 0.5|: negligible, small, medium or large. */
    public String effectMagnitude() {
        double d = Math.abs(a12 - 0.5);
        return d < 0.06 ? "negligible" : d < 0.14 ? "small" : d < 0.21 ? "medium" : "large";
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("samples must be finite numbers, had " + v);
        }
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double variance(double[] xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return s / (xs.length - 1);
    }

    /** P(Z > z) for a standard normal Z, from the complementary error function (relative error below 1.2e-7). */
    static double upperNormalTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double a = Math.abs(x);
        double t = 1 / (1 + 0.5 * a);
        double y = t * Math.exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? y : 2 - y;
    }

    /** I_x(a, b), by the continued fraction (modified Lentz), using the symmetry for fast convergence. */
    static double regularizedIncompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-12) {
                break;
            }
        }
        return h;
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double y = x - 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
