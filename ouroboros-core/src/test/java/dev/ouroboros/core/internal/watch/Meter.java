package dev.ouroboros.core.internal.watch;

/** Methods of every shape the probe must wrap: loops (stack-map frames), wide locals, handlers, throws. */
public final class Meter {

    private long sum;

    public Meter() {
    }

    /** A loop with a branch: frames at the loop head and after the branch. */
    public static int countEven(int[] values) {
        int even = 0;
        for (int v : values) {
            if (v % 2 == 0) {
                even++;
            }
        }
        return even;
    }

    /** Long and double parameters take two slots each; the probe's slot goes after them. */
    public double scale(long a, double factor, int[] more) {
        double out = a * factor;
        for (int m : more) {
            out += m;
        }
        sum += (long) out;
        return out;
    }

    /** Throws for a negative value, so the call counts as a failure. */
    public static int checked(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        return value * 2;
    }

    /** Catches its own exception: the method's handler must win over the probe's catch-all. */
    public static int parseOrZero(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A void method with an early return. */
    public void add(long value) {
        if (value == 0) {
            return;
        }
        sum += value;
    }

    public long sum() {
        return sum;
    }
}
