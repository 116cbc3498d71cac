package dev.ouroboros.patcher;

/**
 * Reads the cumulative call counters of the methods a bundle patched.
 *
 * <p>The patcher cannot time the methods itself without changing the bytes it just installed, so the
 * engine supplies the probe (from its own call-site timers or from JFR samples). Must be cheap and
 * thread-safe: {@link RegressionWatch} calls it from its own thread.
 */
@FunctionalInterface
public interface HealthProbe {

    /** Returns the counters now; they only ever grow. */
    HealthSample sample();
}
