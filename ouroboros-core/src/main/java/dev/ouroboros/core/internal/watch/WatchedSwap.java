package dev.ouroboros.core.internal.watch;

import dev.ouroboros.patcher.HealthSample;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.PatchReceipt;
import dev.ouroboros.patcher.PatchRejectedException;
import dev.ouroboros.patcher.RegressionPolicy;
import dev.ouroboros.patcher.RegressionReport;
import dev.ouroboros.patcher.RegressionWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps a winner in under watch: the patched methods are measured on the program's own work before and
 * after, and a winner that makes them slower or failing is rolled back by itself.
 *
 * <p>The sequence, every step one atomic {@code redefineClasses} call through the {@link LivePatcher}:
 * <ol>
 * <li>bundle {@code <id>~probe}: the running bytes, instrumented ({@link ProbePlan}); the "before" window
 *     is measured on it until it has the policy's minimum calls or its windows run out;</li>
 * <li>bundle {@code <id>~watched}: the winner, instrumented the same way; the patcher's
 *     {@link RegressionWatch} judges it against the "before" window and, on a regression, rolls it
 *     back itself;</li>
 * <li>the probe is rolled back, so the class runs the exact bytes it ran before step 1; then, unless the
 *     watch found a regression, bundle {@code <id>} puts the clean winner in.</li>
 * </ol>
 * So the undo history and {@code rollbackLast()} only ever hold the clean winner; the version registry
 * keeps the probed versions as history, and the rollback log shows the watched bundle's rollback. A stop
 * request (user activity, {@code stop()}) at any point restores the exact prior bytes and returns at once.
 */
public final class WatchedSwap {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedSwap.class);
    private static final long POLL_MILLIS = 20;

    /** How a watched swap ended. */
    public enum Kind {
        /** The winner is live; the watch saw enough calls and no regression. */
        HEALTHY,
        /** The winner is live; the watch saw too few calls to judge, or was not possible (see the detail). */
        UNWATCHED,
        /** The winner regressed in the program and was rolled back; the exact prior bytes run again. */
        REGRESSED,
        /** Stopped by a stop request; the exact prior bytes run again. */
        ABORTED
    }

    /**
     * The end of a watched swap.
     *
     * @param kind       how it ended
     * @param receipt    the receipt of the clean winner's bundle, when it is live
     * @param regression the watch's report, when it regressed
     * @param pauseNanos the pause of the swap that first put the winner's code live (0 when it never went live)
     * @param detail     one line for the result message: what was watched and what it measured
     */
    public record Outcome(Kind kind, Optional<PatchReceipt> receipt, Optional<RegressionReport> regression,
            long pauseNanos, String detail) {
    }

    private final LivePatcher patcher;
    private final RegressionPolicy policy;
    private final BooleanSupplier stop;

    public WatchedSwap(LivePatcher patcher, RegressionPolicy policy, BooleanSupplier stop) {
        this.patcher = Objects.requireNonNull(patcher);
        this.policy = Objects.requireNonNull(policy);
        this.stop = Objects.requireNonNull(stop);
    }

    /** Swaps without a watch, as the engine did before the watch existed. */
    public Outcome unwatched(PatchBundle bundle, String why, LongConsumer onLive) {
        PatchReceipt receipt = patcher.apply(bundle);
        onLive.accept(receipt.pauseNanos());
        return new Outcome(Kind.UNWATCHED, Optional.of(receipt), Optional.empty(), receipt.pauseNanos(),
                "not watched: " + why);
    }

    /**
     * Runs the watched sequence for the winner's bundle; returns when the swap's fate is final.
     *
     * @param onLive hears the pause of the swap that first puts the winner's code live
     * @throws PatchRejectedException when the patcher refuses the winner or a rollback; the message says
     *     what runs then
     */
    public Outcome apply(PatchBundle bundle, LongConsumer onLive) {
        List<PatchOperation> ops = bundle.operations();
        List<byte[]> running = new ArrayList<>();
        for (PatchOperation op : ops) {
            running.add(patcher.currentBytes(op.target()));
        }
        ProbePlan.Planned planned = ProbePlan.of(ops, running);
        if (planned.plan().isEmpty()) {
            LOG.info("bundle {} not watched: {}", bundle.id(), planned.whyNot());
            return unwatched(bundle, planned.whyNot(), onLive);
        }
        ProbePlan plan = planned.plan().get();
        String probeId = bundle.id() + "~probe";
        String watchedId = bundle.id() + "~watched";
        try {
            patcher.apply(bundle(probeId, ops, plan.probedOriginals(), "probes for the regression watch of "
                    + bundle.id() + " on the running code"));
        } catch (PatchRejectedException e) {
            LOG.warn("bundle {} not watched: the JVM refused the probed copy", bundle.id(), e);
            return unwatched(bundle, "the probed copy was refused (" + e.getMessage() + ")", onLive);
        }
        HealthSample before = measureBefore(plan);
        if (before == null) {
            patcher.rollbackBundle(probeId);
            return aborted("stopped while measuring the running code; nothing was swapped");
        }
        if (before.calls() < policy.minCalls()) {
            patcher.rollbackBundle(probeId);
            return unwatched(bundle, String.format(Locale.ROOT, "the program called %s only %d times in the"
                    + " window before the swap, %d needed", plan.methods(), before.calls(), policy.minCalls()), onLive);
        }
        PatchReceipt watched;
        try {
            watched = patcher.apply(bundle(watchedId, ops, plan.probedWinners(), bundle.reason() + ", under watch"));
        } catch (PatchRejectedException e) {
            patcher.rollbackBundle(probeId);
            throw e;
        }
        onLive.accept(watched.pauseNanos());
        return judge(bundle, plan, before, watched, probeId, watchedId);
    }

    private Outcome judge(PatchBundle bundle, ProbePlan plan, HealthSample before, PatchReceipt watched,
            String probeId, String watchedId) {
        Class<?> first = bundle.operations().get(0).target();
        HealthSample start = plan.sample();
        RegressionWatch watch = new RegressionWatch(patcher, policy);
        CompletableFuture<Optional<RegressionReport>> verdict = watch.watch(watched, before, plan.probe());
        long deadline = System.nanoTime() + policy.window().toNanos() * (policy.maxWindows() + 2L)
                + TimeUnit.SECONDS.toNanos(5);
        boolean stopped = false;
        while (!verdict.isDone() && System.nanoTime() < deadline) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            try {
                verdict.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Polled again by the loop; a failed watch is read from the future below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                break;
            }
        }
        // A judgement running right now may still roll the watched bundle back: restore() allows for it.
        watch.close();
        HealthSample after = plan.sample().minus(start);
        Optional<RegressionReport> report = verdict.isDone() && !verdict.isCompletedExceptionally()
                ? verdict.join() : Optional.empty();
        if (report.isPresent()) {
            restore(first, watched, probeId, watchedId);
            return new Outcome(Kind.REGRESSED, Optional.empty(), report, watched.pauseNanos(),
                    "regression in this program: " + report.get().reason() + " (" + counts(before, report.get().after())
                    + "); rolled back to the exact prior bytes");
        }
        if (stopped || !verdict.isDone()) {
            restore(first, watched, probeId, watchedId);
            return aborted(stopped ? "stopped while the swapped-in winner was watched; the exact prior bytes run again"
                    : "the watch did not finish in time; the exact prior bytes run again");
        }
        String failure = verdict.isCompletedExceptionally() ? verdict.handle((v, e) -> String.valueOf(e)).join() : null;
        restore(first, watched, probeId, watchedId);
        if (failure != null) {
            throw new PatchRejectedException("the regression watch of " + bundle.id() + " failed (" + failure
                    + "); the exact prior bytes run again");
        }
        PatchReceipt receipt = patcher.apply(bundle);
        boolean judged = after.calls() >= policy.minCalls();
        return new Outcome(judged ? Kind.HEALTHY : Kind.UNWATCHED, Optional.of(receipt), Optional.empty(),
                watched.pauseNanos(), (judged ? "watched " : "watch inconclusive, too few calls: ")
                + plan.methods() + " " + counts(before, after));
    }

    /** Puts the exact bytes that ran before the probe back, whatever part of the sequence is live. */
    private void restore(Class<?> first, PatchReceipt watched, String probeId, String watchedId) {
        int watchedVersion = watched.versions().get(0).number();
        if (runsVersion(first, watchedVersion)) {
            try {
                patcher.rollbackBundle(watchedId);
            } catch (PatchRejectedException e) {
                // The watch's own rollback may have won the race for the patcher's lock.
                if (runsVersion(first, watchedVersion)) {
                    throw e;
                }
            }
        }
        patcher.rollbackBundle(probeId);
    }

    private boolean runsVersion(Class<?> type, int number) {
        return patcher.versions().current(type).map(v -> v.number() == number).orElse(false);
    }

    /** The "before" window: until the minimum calls, the policy's windows, or a first window without a call. */
    private HealthSample measureBefore(ProbePlan plan) {
        HealthSample start = plan.sample();
        HealthSample window = new HealthSample(0, 0, 0);
        for (int i = 1; i <= policy.maxWindows(); i++) {
            if (!sleep(policy.window().toMillis())) {
                return null;
            }
            window = plan.sample().minus(start);
            if (window.calls() >= policy.minCalls() || window.calls() == 0) {
                return window;
            }
        }
        return window;
    }

    private boolean sleep(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (stop.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stop.getAsBoolean();
    }

    private static Outcome aborted(String detail) {
        return new Outcome(Kind.ABORTED, Optional.empty(), Optional.empty(), 0, detail);
    }

    private static PatchBundle bundle(String id, List<PatchOperation> ops, List<byte[]> bytes, String reason) {
        List<PatchOperation> probed = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            probed.add(new PatchOperation(ops.get(i).target(), bytes.get(i), reason));
        }
        return new PatchBundle(id, probed, reason);
    }

    private static String counts(HealthSample before, HealthSample after) {
        return String.format(Locale.ROOT, "before: %d calls, %.0f ns/call, %.2f%% failed; after: %d calls,"
                + " %.0f ns/call, %.2f%% failed", before.calls(), before.meanNanos(), before.failureRate() * 100,
                after.calls(), after.meanNanos(), after.failureRate() * 100);
    }
}
