package dev.ouroboros.dream;

import dev.ouroboros.dream.internal.DreamWorkers;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One dream: the handle the scheduler gives the session callback, and afterwards the record of what happened.
 *
 * <p>The callback runs on its own thread and should return soon after {@link #cancellationRequested()} becomes
 * true; cancellation is cooperative. The scheduler requests it within one sample of activity returning, at
 * the wall or CPU budget deadline, when the machine goes on battery against the budget's policy, or on
 * {@link DreamScheduler#close()}. Work done on other threads or in child processes counts against the CPU
 * budget, and is excluded from the machine's activity, only once registered with {@code registerWorker}.
 */
public final class DreamSession {

    /** Why a session ended. */
    public enum EndReason {
        /** The callback returned before anyone asked it to stop. */
        COMPLETED,
        /** A sample was over a threshold (or unreadable): the user came back. */
        ACTIVITY,
        /** The session's or the day's wall or CPU budget ran out. */
        BUDGET,
        /** The machine went on battery, or below the battery floor. */
        BATTERY,
        /** The scheduler was closed. */
        SHUTDOWN,
        /** The callback threw; the exception was logged. */
        FAILED
    }

    private final long id;
    private final DreamTrigger trigger;
    private final DreamWorkers workers;
    private final CompletableFuture<EndReason> cancellation = new CompletableFuture<>();
    private volatile Instant end;
    private volatile EndReason endReason;
    private volatile Duration cpuTime = Duration.ZERO;

    DreamSession(long id, DreamTrigger trigger, DreamWorkers workers) {
        this.id = id;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Returns the session id, increasing from 1 within one scheduler. */
    public long id() {
        return id;
    }

    /** Returns when the session started, by the scheduler's clock; never null. */
    public Instant start() {
        return trigger.at();
    }

    /** Returns why the session started and what it was granted; never null. */
    public DreamTrigger trigger() {
        return trigger;
    }

    /** Returns whether the scheduler has asked this session to stop. */
    public boolean cancellationRequested() {
        return cancellation.isDone();
    }

    /** Returns why the scheduler asked this session to stop, or empty while it has not. */
    public Optional<EndReason> cancellationReason() {
        return Optional.ofNullable(cancellation.getNow(null));
    }

    /** Returns a stage that completes with the reason when the scheduler asks this session to stop. */
    public CompletionStage<EndReason> cancellation() {
        return cancellation.minimalCompletionStage();
    }

    /**
     * Waits until the scheduler asks this session to stop or the timeout passes.
     *
     * @return true if cancellation was requested
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitCancellation(Duration timeout) throws InterruptedException {
        try {
            cancellation.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cancellation never completes exceptionally", e);
        }
    }

    /** Counts {@code thread}'s CPU time from now on as dreaming: in the budget, and not as user activity. */
    public void registerWorker(Thread thread) {
        workers.register(Objects.requireNonNull(thread, "thread"));
    }

    /** Counts {@code process}'s CPU time from now on as dreaming (for example a forked worker JVM). */
    public void registerWorker(ProcessHandle process) {
        workers.register(Objects.requireNonNull(process, "process"));
    }

    /** Returns when the callback returned, or empty while it runs. */
    public Optional<Instant> end() {
        return Optional.ofNullable(end);
    }

    /** Returns why the session ended, or empty while it runs. */
    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** Returns the CPU time the session's dream workers used: so far while it runs, in total once ended. */
    public Duration cpuTime() {
        return end == null ? Duration.ofNanos(workers.cpuNanos()) : cpuTime;
    }

    /** Returns how long the session ran, or empty while it runs. */
    public Optional<Duration> wallTime() {
        Instant e = end;
        return e == null ? Optional.empty() : Optional.of(Duration.between(start(), e));
    }

    DreamWorkers workers() {
        return workers;
    }

    boolean requestCancellation(EndReason reason) {
        return cancellation.complete(reason);
    }

    void finish(Instant endedAt, EndReason reason, Duration cpu) {
        this.cpuTime = cpu;
        this.endReason = reason;
        this.end = endedAt;
    }

    @Override
    public String toString() {
        return "DreamSession[id=" + id + ", start=" + start() + ", end=" + end + ", reason=" + endReason + "]";
    }
}
