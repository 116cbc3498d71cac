package dev.ouroboros.dream;

import dev.ouroboros.dream.DreamSession.EndReason;
import dev.ouroboros.dream.internal.DreamEvents;
import dev.ouroboros.dream.internal.DreamWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs dream sessions while the machine is idle and within budget, and asks them to stop within one sample
 * when activity returns.
 *
 * <pre>{@code
 * DreamScheduler scheduler = DreamScheduler.builder()
 *         .thresholds(IdleThresholds.builder().idleTime(Duration.ofMinutes(5)).build())
 *         .budget(DreamBudget.builder().sessionWallTime(Duration.ofMinutes(20)).build())
 *         .onSession(session -> {
 *             while (!session.cancellationRequested()) {
 *                 evolveOneCandidate();
 *             }
 *         })
 *         .build();
 * scheduler.start();
 * ...
 * scheduler.close();
 * }</pre>
 *
 * <p>{@link #start()} samples on a daemon thread every period (default 2 s), every half period while a session
 * runs, and sooner when a budget deadline falls before the next sample. Tests call {@link #tick()} instead. The session callback runs on its own daemon
 * thread, which counts as a dream worker. Exceptions from the metrics source, the callback and the listeners are
 * logged, never propagated: the scheduler does not crash its host.
 */
public final class DreamScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DreamScheduler.class);
    private static final int HISTORY = 1000;

    private final MetricsSource source;
    private final boolean ownsSource;
    private final Duration period;
    private final IdleThresholds thresholds;
    private final Consumer<DreamSession> onSession;
    private final List<Consumer<DreamSession>> onSessionEnd;
    private final List<BiConsumer<IdleState, IdleState>> onStateChange;
    private final IdleStateMachine machine;
    private final Object lock = new Object();
    private final ArrayDeque<DreamSession> history = new ArrayDeque<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Listener calls, queued under {@code lock} in the order the state changed, delivered one thread at a time. */
    private final ArrayDeque<Runnable> events = new ArrayDeque<>();
    private final Object delivery = new Object();

    private long nextId = 1;
    private DreamSession current;
    private long currentSeenNanos;
    private long pendingDreamNanos;
    private long previousTickNanos;
    private ScheduledExecutorService loop;
    private volatile boolean closed;

    private DreamScheduler(Builder b, MetricsSource source, boolean ownsSource) {
        this.source = source;
        this.ownsSource = ownsSource;
        this.period = b.period;
        this.thresholds = b.thresholds;
        this.onSession = b.onSession;
        this.onSessionEnd = List.copyOf(b.onSessionEnd);
        this.onStateChange = List.copyOf(b.onStateChange);
        this.machine = new IdleStateMachine(b.thresholds, b.budget, b.period, source.clock().getZone());
        if (!DreamWorkers.threadCpuTimeSupported()) {
            LOG.warn("This JVM cannot measure thread CPU time: dream CPU budgets see zero and dream work is not "
                    + "excluded from activity");
        }
    }

    /** Returns a builder; {@link Builder#onSession} is required, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts sampling on a daemon thread named {@code ouroboros-dream-monitor}.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lock) {
            if (closed || loop != null) {
                throw new IllegalStateException(closed ? "the scheduler is closed" : "the scheduler is already started");
            }
            loop = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ouroboros-dream-monitor");
                t.setDaemon(true);
                return t;
            });
            loop.execute(this::loopOnce);
        }
    }

    /**
     * Takes one sample now and acts on it: starts a session, asks one to stop, or only moves the state.
     * {@link #start()} calls this every period; tests with a {@link ScriptedMetricsSource} call it directly.
     *
     * @return the state after the sample; never null
     */
    public IdleState tick() {
        return sampleAndAct().state();
    }

    /** Returns the current state; never null. */
    public IdleState state() {
        synchronized (lock) {
            return machine.state();
        }
    }

    /** Returns the running session, if any. */
    public Optional<DreamSession> currentSession() {
        synchronized (lock) {
            return Optional.ofNullable(current);
        }
    }

    /** Returns the ended sessions, oldest first, at most the last 1000; an unmodifiable copy. */
    public List<DreamSession> sessions() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /** Returns the sampling period. */
    public Duration period() {
        return period;
    }

    /**
     * Stops sampling and asks a running session to stop ({@link EndReason#SHUTDOWN}); returns without waiting
     * for the callback. Closes the metrics source if the builder created it. Idempotent.
     */
    @Override
    public void close() {
        DreamSession toCancel = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (loop != null) {
                loop.shutdownNow();
            }
            if (current != null && machine.cancel(EndReason.SHUTDOWN)) {
                toCancel = current;
            }
        }
        if (toCancel != null) {
            toCancel.requestCancellation(EndReason.SHUTDOWN);
        }
        if (ownsSource) {
            guarded("closing the metrics source", source::close);
        }
    }

    private void loopOnce() {
        Instant next = null;
        long delay = period.toNanos();
        try {
            IdleStateMachine.Step step = sampleAndAct();
            next = step.nextSampleAt();
            if (step.state() == IdleState.DREAMING) {
                // Twice per period while a session runs, so that its cancellation fires within one period of
                // activity returning even when the activity starts just after a sample.
                delay = delay / 2;
            }
        } catch (Throwable e) {
            // Anything but a dying JVM is logged and sampling goes on: the scheduler must not crash its host.
            if (e instanceof VirtualMachineError vmError) {
                throw vmError;
            }
            LOG.error("Dream scheduler tick failed; sampling continues", e);
        }
        if (next != null) {
            long until = Duration.between(source.clock().instant(), next).toNanos();
            delay = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(delay, until));
        }
        try {
            synchronized (lock) {
                if (!closed) {
                    loop.schedule(this::loopOnce, delay, TimeUnit.NANOSECONDS);
                }
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("Dream scheduler stopped while scheduling the next sample", e);
        }
    }

    private IdleStateMachine.Step sampleAndAct() {
        DreamSession toCancel = null;
        EndReason cancelReason = null;
        IdleStateMachine.Step step;
        synchronized (lock) {
            if (closed) {
                return new IdleStateMachine.Step(machine.state(), IdleStateMachine.Action.NONE, null, null,
                        source.clock().instant().plus(period), Optional.empty());
            }
            ActivitySample sample = safeSample();
            long sessionCpu = current == null ? 0 : current.workers().cpuNanos();
            long dreamNanos = pendingDreamNanos + (sessionCpu - currentSeenNanos);
            pendingDreamNanos = 0;
            currentSeenNanos = sessionCpu;
            long tickNanos = System.nanoTime();
            double dreamLoad = dreamLoad(sample, dreamNanos, tickNanos - previousTickNanos);
            previousTickNanos = tickNanos;
            IdleState before = machine.state();
            step = machine.onSample(sample, dreamLoad, Duration.ofNanos(sessionCpu));
            // The one warning for a metric that cannot be read (ActivityMonitor logs the cause at INFO).
            step.activity().filter(ActivityJudge.Over::unreadable).filter(a -> warned.add(a.name())).ifPresent(a -> LOG.warn(
                    "{}: the machine never counts as idle while this lasts, so no dream starts", a));
            if (step.action() == IdleStateMachine.Action.START) {
                DreamSession session = new DreamSession(nextId++, step.trigger(), new DreamWorkers());
                current = session;
                currentSeenNanos = 0;
                launch(session);
            } else if (step.action() == IdleStateMachine.Action.CANCEL) {
                toCancel = current;
                cancelReason = step.reason();
                LOG.info("Asking dream session {} to stop: {}{}", toCancel.id(), cancelReason,
                        step.activity().map(a -> " (" + a.describe(thresholds, sample, dreamLoad) + ")").orElse(""));
            }
            IdleState after = step.state();
            if (before != after) {
                events.add(() -> fireStateChange(before, after));
            }
        }
        if (toCancel != null) {
            // Outside the lock: completing the signal runs the session's own dependent actions.
            EndReason reason = cancelReason;
            DreamSession session = toCancel;
            guarded("a cancellation callback", () -> session.requestCancellation(reason));
        }
        deliverEvents();
        return step;
    }

    private void deliverEvents() {
        synchronized (delivery) {
            while (true) {
                Runnable next;
                synchronized (lock) {
                    next = events.poll();
                }
                if (next == null) {
                    return;
                }
                guarded("a dream listener", next);
            }
        }
    }

    private ActivitySample safeSample() {
        try {
            return Objects.requireNonNull(source.sample(), "the metrics source returned null");
        } catch (RuntimeException e) {
            if (warned.add("sample:" + e.getClass().getName())) {
                LOG.warn("The metrics source failed ({}); treating the machine as active", e.toString(), e);
            }
            return ActivitySample.unknown(source.clock().instant());
        }
    }

    /**
     * The dream workers' share of capacity since the previous tick. Measured over real (monotonic) time, like
     * the source's own rates, even when the source's clock is scripted.
     */
    private double dreamLoad(ActivitySample sample, long dreamNanos, long elapsedNanos) {
        double cores = sample.cpu().capacityCores();
        if (previousTickNanos == 0 || dreamNanos <= 0 || elapsedNanos <= 0 || !(cores > 0)) {
            return 0;
        }
        return dreamNanos / (elapsedNanos * cores);
    }

    private void launch(DreamSession session) {
        DreamTrigger t = session.trigger();
        LOG.info("Dream session {} starts after {} quiet; allowance {} wall, {} CPU", session.id(), t.quietFor(),
                t.wallAllowance(), t.cpuAllowance());
        DreamEvents.sessionStarted(session.id(), t.wallAllowance().toNanos(), t.cpuAllowance().toNanos());
        Thread thread = new Thread(() -> runSession(session), "ouroboros-dream-session-" + session.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void runSession(DreamSession session) {
        session.workers().register(Thread.currentThread());
        boolean failed = false;
        try {
            onSession.accept(session);
        } catch (Throwable e) {
            failed = true;
            LOG.error("Dream session {} failed", session.id(), e);
            if (e instanceof VirtualMachineError vmError) {
                finishSession(session, true);
                throw vmError;
            }
        }
        finishSession(session, failed);
    }

    private void finishSession(DreamSession session, boolean failed) {
        long cpu = session.workers().finishOnCurrentThread();
        EndReason reason;
        synchronized (lock) {
            Instant end = source.clock().instant();
            IdleState before = machine.state();
            reason = machine.onSessionEnded(end, Duration.ofNanos(cpu), failed);
            IdleState after = machine.state();
            session.finish(end, reason, Duration.ofNanos(cpu));
            pendingDreamNanos += Math.max(0, cpu - currentSeenNanos);
            currentSeenNanos = 0;
            current = null;
            history.addLast(session);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
            for (Consumer<DreamSession> listener : onSessionEnd) {
                events.add(() -> listener.accept(session));
            }
            if (before != after) {
                events.add(() -> fireStateChange(before, after));
            }
        }
        Duration wall = session.wallTime().orElse(Duration.ZERO);
        LOG.info("Dream session {} ended: {} after {} wall, {} CPU", session.id(), reason, wall, session.cpuTime());
        DreamEvents.sessionEnded(session.id(), reason.name(), wall.toNanos(), cpu);
        deliverEvents();
    }

    private void fireStateChange(IdleState from, IdleState to) {
        LOG.debug("Idle state {} -> {}", from, to);
        for (BiConsumer<IdleState, IdleState> listener : onStateChange) {
            guarded("a state listener", () -> listener.accept(from, to));
        }
    }

    private static void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError vmError) {
                throw vmError;
            }
            LOG.error("Ignoring an exception from {}", what, e);
        }
    }

    /** Builds a {@link DreamScheduler}; values are checked at {@link #build()}. */
    public static final class Builder {
        private MetricsSource source;
        private IdleThresholds thresholds = IdleThresholds.defaults();
        private DreamBudget budget = DreamBudget.defaults();
        private Duration period = Duration.ofSeconds(2);
        private Consumer<DreamSession> onSession;
        private final List<Consumer<DreamSession>> onSessionEnd = new ArrayList<>();
        private final List<BiConsumer<IdleState, IdleState>> onStateChange = new ArrayList<>();

        private Builder() {
        }

        /** Sets where samples come from; default: a new {@link ActivityMonitor}, closed with the scheduler. */
        public Builder source(MetricsSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Sets when the machine counts as idle; default {@link IdleThresholds#defaults()}. */
        public Builder thresholds(IdleThresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /** Sets what a dream may cost; default {@link DreamBudget#defaults()}. */
        public Builder budget(DreamBudget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** Sets the sampling period, 100 ms to 1 min and at most half the idle time; default 2 s. */
        public Builder period(Duration period) {
            this.period = Objects.requireNonNull(period, "period");
            return this;
        }

        /** Sets the session callback (required); it runs on its own thread and should return once cancelled. */
        public Builder onSession(Consumer<DreamSession> callback) {
            this.onSession = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /** Adds a listener called after each session ended, with the finished session. */
        public Builder onSessionEnd(Consumer<DreamSession> listener) {
            this.onSessionEnd.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener called with the old and new state on every state change. Listener calls are delivered
         * in order, one at a time; a listener must not block waiting for a session to end.
         */
        public Builder onStateChange(BiConsumer<IdleState, IdleState> listener) {
            this.onStateChange.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Returns a scheduler that has not started sampling yet.
         *
         * @throws IllegalArgumentException if the period is out of range
         * @throws IllegalStateException    if no session callback was set
         */
        public DreamScheduler build() {
            if (onSession == null) {
                throw new IllegalStateException("onSession must be set: it is the work a dream session does");
            }
            if (period.compareTo(Duration.ofMillis(100)) < 0 || period.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("period must be between 100 ms and 1 min, was " + period);
            }
            if (period.multipliedBy(2).compareTo(thresholds.idleTime()) > 0) {
                throw new IllegalArgumentException("period must be at most half the idle time ("
                        + thresholds.idleTime() + "), was " + period);
            }
            return source != null ? new DreamScheduler(this, source, false)
                    : new DreamScheduler(this, ActivityMonitor.create(), true);
        }
    }
}
