package dev.ouroboros.patcher;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches bundles after they went live and rolls a bundle back by itself when its methods got slower
 * or fail more often than the {@link RegressionPolicy} allows.
 *
 * <p>Each watched bundle is judged window by window on one daemon thread: windows with too few calls are
 * skipped, the first window with enough calls decides. A regression is reported to the patcher's
 * {@link PatchListener}s as {@code regressionDetected}, then the bundle is undone through
 * {@link LivePatcher#rollbackBundle(String)}, which reports {@code rollbackExecuted}.
 */
public final class RegressionWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegressionWatch.class);

    private final LivePatcher patcher;
    private final RegressionPolicy policy;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ouroboros-regression-watch");
        thread.setDaemon(true);
        return thread;
    });

    /** Creates a watch that judges bundles of the patcher by the policy. */
    public RegressionWatch(LivePatcher patcher, RegressionPolicy policy) {
        this.patcher = Objects.requireNonNull(patcher, "patcher must not be null");
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
    }

    /**
     * Starts watching a bundle that just went live.
     *
     * @param receipt the receipt of {@link LivePatcher#apply}
     * @param before the counters of one window measured before the swap (a difference of two samples)
     * @param probe reads the counters of the patched methods
     * @return completes with the report when the bundle was rolled back, or empty when it passed or no
     *     window had enough calls; completes exceptionally when the probe or the rollback failed
     */
    public CompletableFuture<Optional<RegressionReport>> watch(PatchReceipt receipt, HealthSample before,
            HealthProbe probe) {
        Objects.requireNonNull(receipt, "receipt must not be null");
        Objects.requireNonNull(before, "before must not be null");
        Objects.requireNonNull(probe, "probe must not be null");
        CompletableFuture<Optional<RegressionReport>> result = new CompletableFuture<>();
        HealthSample start = probe.sample();
        schedule(new Watched(receipt.bundleId(), before, probe, result), start, 1);
        return result;
    }

    private void schedule(Watched watched, HealthSample start, int window) {
        scheduler.schedule(() -> judge(watched, start, window), policy.window().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void judge(Watched watched, HealthSample start, int window) {
        try {
            HealthSample now = watched.probe().sample();
            HealthSample after = now.minus(start);
            if (after.calls() < policy.minCalls()) {
                if (window < policy.maxWindows()) {
                    schedule(watched, start, window + 1);
                } else {
                    LOG.info("bundle={} inconclusive: {} calls in {} windows, {} needed", watched.bundleId(),
                            after.calls(), window, policy.minCalls());
                    watched.result().complete(Optional.empty());
                }
                return;
            }
            Optional<String> reason = policy.judge(watched.before(), after);
            if (reason.isEmpty()) {
                watched.result().complete(Optional.empty());
                return;
            }
            RegressionReport report = new RegressionReport(watched.bundleId(), watched.before(), after, reason.get());
            LOG.warn("RegressionDetected bundle={} {}", watched.bundleId(), report.reason());
            patcher.notifyListeners(listener -> listener.regressionDetected(report));
            patcher.rollbackBundle(watched.bundleId());
            watched.result().complete(Optional.of(report));
        } catch (RuntimeException e) {
            LOG.warn("regression watch of bundle {} failed", watched.bundleId(), e);
            watched.result().completeExceptionally(e);
        }
    }

    /** Stops watching; bundles under watch stay live and their futures never complete. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private record Watched(String bundleId, HealthSample before, HealthProbe probe,
            CompletableFuture<Optional<RegressionReport>> result) {
    }
}
