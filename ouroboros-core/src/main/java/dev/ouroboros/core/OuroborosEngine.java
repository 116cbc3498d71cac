package dev.ouroboros.core;

import dev.ouroboros.arena.CompilerUnavailableException;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.core.internal.ConsoleListener;
import dev.ouroboros.core.internal.EngineMXBean;
import dev.ouroboros.core.internal.HistoryRecorder;
import dev.ouroboros.core.internal.WinnerApplier;
import dev.ouroboros.core.internal.WinnerReplay;
import dev.ouroboros.core.internal.dashboard.DashboardServer;
import dev.ouroboros.core.internal.dashboard.LiveCycleView;
import dev.ouroboros.core.internal.telemetry.JfrTelemetry;
import dev.ouroboros.dream.DreamBudget;
import dev.ouroboros.dream.DreamScheduler;
import dev.ouroboros.dream.DreamSession;
import dev.ouroboros.dream.IdleThresholds;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import javax.management.JMException;
import javax.management.ObjectName;
import dev.ouroboros.core.internal.EvolutionCycle;
import dev.ouroboros.core.internal.Listeners;
import dev.ouroboros.core.internal.TargetResolver;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.patcher.AgentInstrumentation;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchRejectedException;
import dev.ouroboros.patcher.RollbackEntry;
import dev.ouroboros.patcher.RollbackLog;
import dev.ouroboros.patcher.VersionRegistry;
import java.lang.instrument.Instrumentation;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ouroboros engine: runs evolution cycles on the program it lives in.
 *
 * <p>Build one from code with {@link #builder()}, or let the {@code -javaagent} build it from the
 * agent options ({@link #attached()} then returns it). {@link #runCycle()} runs one cycle now, on
 * the calling thread; {@link #start()} runs cycles in the background, in dream sessions when the
 * machine is idle or at once ({@link CycleTrigger}); {@link #close()} stops and releases everything.
 * Winners go live as the {@link ApprovalMode} allows; the rest wait in {@link #approvals()}, also
 * reachable through JMX. Swapped
 * code stays swapped after {@code close()}; {@link #rollbackLast()} undoes a swap.
 */
public final class OuroborosEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OuroborosEngine.class);
    private static volatile OuroborosEngine attached;

    private final EvolutionConfig config;
    private final SourceGenome genome;
    private final LivePatcher patcher;
    private InMemoryCompiler compiler;
    private final Listeners listeners = new Listeners();
    private final List<EvolutionResult> results = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object cycleLock = new Object();
    private final TargetResolver targets;
    private final WinnerApplier applier;
    private final ApprovalQueue approvals;
    private final ObjectName mbeanName;
    private final DashboardServer dashboard;
    private final EngineState state;
    private volatile BooleanSupplier sessionCancelled = () -> false;
    private Thread background;
    private DreamScheduler dreams;

    private OuroborosEngine(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config must be set: OuroborosEngine.builder().config(...)");
        this.genome = SourceGenome.of(config.sourceRoots());
        // Fail fast on a JRE, but load javac only when the first cycle needs it: an attached agent that is
        // not dreaming must cost the host next to nothing.
        if (ModuleLayer.boot().findModule("jdk.compiler").isEmpty()) {
            throw new CompilerUnavailableException(System.getProperty("java.home"));
        }
        this.state = EngineState.open(config.dataDirectory());
        DashboardServer board = null;
        try {
            state.repairs().forEach(r -> LOG.warn("data directory {}: {}", config.dataDirectory(), r));
            Instrumentation inst = b.instrumentation != null ? b.instrumentation : AgentInstrumentation.obtain();
            this.patcher = new LivePatcher(inst);
            this.targets = new TargetResolver(config, genome, patcher, this::stopping);
            this.applier = new WinnerApplier(config, patcher, targets, listeners, state, this::stopping);
            this.approvals = new ApprovalQueue(applier);
            applier.restorePending().forEach(approvals::add);
            listeners.add(new HistoryRecorder(state, config.seed()));
            listeners.add(new JfrTelemetry());
            b.listeners.forEach(listeners::add);
            if (config.verbose()) {
                listeners.add(new ConsoleListener(System.err));
            }
            board = startDashboard();
            this.dashboard = board;
            this.mbeanName = config.jmx() ? registerMBean(b.name) : null;
        } catch (RuntimeException | LinkageError e) {
            if (board != null) {
                board.close();
            }
            // Release the data directory's lock: a failed build must not lock out the next attempt.
            state.close();
            throw e;
        }
    }

    /** Returns a builder; {@link Builder#config(EvolutionConfig)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the engine the {@code -javaagent} started in this JVM, if any. */
    public static Optional<OuroborosEngine> attached() {
        return Optional.ofNullable(attached);
    }

    /** Makes this engine the one {@link #attached()} returns; used by the agent entry. */
    public static void attach(OuroborosEngine engine) {
        attached = engine;
    }

    /** Returns the queue of winners waiting for approval (filled in {@code MANUAL} and {@code APPROVE_MAJOR} mode). */
    public ApprovalQueue approvals() {
        return approvals;
    }

    /**
     * Returns the address of the live dashboard, e.g. {@code http://127.0.0.1:43117/}, when the configuration
     * asks for one ({@code dashboard=PORT}); see {@code docs/dashboard.md}.
     */
    public Optional<URI> dashboardUri() {
        return Optional.ofNullable(dashboard).map(DashboardServer::uri);
    }

    /** Returns the token the dashboard requires for approving and rejecting, when it runs. */
    public Optional<String> dashboardToken() {
        return Optional.ofNullable(dashboard).map(DashboardServer::token);
    }

    /** Returns the JMX name of this engine's MXBean, when registered. */
    public Optional<ObjectName> mbeanName() {
        return Optional.ofNullable(mbeanName);
    }

    /**
     * Returns the durable state: every candidate's history, the winners with their stored bytes, and
     * statistics per operator; it survives restarts and {@code kill -9}.
     */
    public EngineState state() {
        return state;
    }

    /**
     * Re-applies the winners that were live when the program last stopped (as the data directory's journal
     * says), each only after its stored bytes' SHA-256, its class's fidelity to the source, the source lines
     * its diff replaced and its redefinability were verified again. Each goes in under the regression
     * watch unless {@code watch=false}, so this call returns only when the watch has decided (at most about
     * the watch's windows per winner, at once on {@link #stop()}); a winner that regresses on the program's
     * current work is rolled back and no longer re-applied. Call it once the program does its work, not
     * before: the watch measures the program's own calls (the agent runs it on a background thread).
     *
     * @return one line per winner: re-applied (and what the watch saw), rolled back, or skipped and why
     */
    public List<String> reapplyWinners() {
        synchronized (cycleLock) {
            return new WinnerReplay(config, genome, state, patcher, compiler(), targets, applier).reapplyAll();
        }
    }

    /** Returns the configuration. */
    public EvolutionConfig config() {
        return config;
    }

    /** Registers a listener for every later event. */
    public void addListener(EvolutionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** Removes a listener. */
    public void removeListener(EvolutionListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs one evolution cycle now, on this thread; cycles never overlap.
     *
     * @return how the cycle ended; never null. Bad input gives a {@link EvolutionOutcome#SKIPPED} result
     *         whose message names the problem, never an exception
     */
    public EvolutionResult runCycle() {
        synchronized (cycleLock) {
            EvolutionResult result = new EvolutionCycle(config, genome, patcher, compiler(), listeners, targets,
                    this::stopping, applier, approvals::add, state, config.seed() + results.size()).run();
            results.add(result);
            return result;
        }
    }

    /**
     * Starts background cycles: with {@link CycleTrigger#DREAM} up to {@code cycles} cycles in each dream
     * session (aborted as soon as activity returns), with {@link CycleTrigger#IMMEDIATE} {@code cycles}
     * cycles after the start delay.
     */
    public synchronized void start() {
        if (background != null) {
            throw new IllegalStateException("engine already started");
        }
        stopRequested.set(false);
        if (config.trigger() == CycleTrigger.DREAM) {
            // OSHI's first readings load JNA and walk /proc: do it off the caller's thread (premain).
            background = new Thread(this::startDreaming, "ouroboros-dream-start");
            background.setDaemon(true);
            background.start();
            return;
        }
        background = new Thread(this::runInBackground, "ouroboros-engine");
        background.setDaemon(true);
        background.start();
    }

    private void startDreaming() {
        try {
            DreamScheduler scheduler = DreamScheduler.builder()
                    .thresholds(IdleThresholds.builder().maxCpuLoad(config.maxCpuLoad()).idleTime(config.idleTime())
                            .build())
                    .budget(DreamBudget.builder().sessionWallTime(config.sessionTime()).build())
                    .onSession(this::dream)
                    .onSessionEnd(s -> listeners.fire(l -> l.onDreamSessionEnd(s.id(),
                            s.endReason().map(Enum::name).orElse("UNKNOWN"))))
                    .build();
            synchronized (this) {
                if (stopRequested.get()) {
                    scheduler.close();
                    return;
                }
                dreams = scheduler;
            }
            scheduler.start();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Ouroboros cannot watch this machine for idle time; no dream will start", e);
            System.err.println("ouroboros: cannot watch this machine for idle time (" + e + "); no dream will start");
        }
    }

    private void dream(DreamSession session) {
        listeners.fire(l -> l.onDreamSessionStart(session.id(), session.trigger().toString()));
        // The sandbox workers are this process's children: their CPU is the dream's own work, not activity.
        ScheduledExecutorService adopt = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ouroboros-dream-adopt");
            t.setDaemon(true);
            return t;
        });
        adopt.scheduleAtFixedRate(() -> ProcessHandle.current().descendants().forEach(session::registerWorker), 0, 250,
                TimeUnit.MILLISECONDS);
        sessionCancelled = session::cancellationRequested;
        try {
            for (int i = 0; i < config.cycles() && !stopping(); i++) {
                runCycle();
            }
        } finally {
            sessionCancelled = () -> false;
            adopt.shutdownNow();
        }
    }

    private boolean stopping() {
        return stopRequested.get() || sessionCancelled.getAsBoolean();
    }

    /** Asks the background cycles to stop at the next candidate boundary and waits up to 30 s for them. */
    public void stop() {
        stopRequested.set(true);
        Thread t;
        DreamScheduler d;
        synchronized (this) {
            t = background;
            d = dreams;
            dreams = null;
        }
        if (d != null) {
            d.close();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns every cycle result so far, oldest first. */
    public List<EvolutionResult> results() {
        return new ArrayList<>(results);
    }

    /**
     * Returns the bytes the JVM runs now for a class, as the JVM reports them (not the class file).
     */
    public byte[] liveClassBytes(Class<?> type) {
        return patcher.currentBytes(type);
    }

    /**
     * Returns every version of every class this engine swapped, with its exact bytes and SHA-256; the
     * probed copies of the regression watch appear here as versions too.
     */
    public VersionRegistry versions() {
        return patcher.versions();
    }

    /** Returns every rollback this engine performed: by request and by the regression watch. */
    public RollbackLog rollbackLog() {
        return patcher.rollbackLog();
    }

    /**
     * Undoes the last swap, restoring the exact prior bytes.
     *
     * @return the classes restored, by binary name
     * @throws OuroborosException when there is nothing to roll back or the JVM refused
     */
    public List<String> rollbackLast() {
        try {
            RollbackEntry entry = patcher.rollbackLast();
            List<String> classes = entry.restored().stream().map(v -> v.className()).toList();
            applier.rolledBack(entry.bundleId());
            listeners.fire(l -> l.onRollbackExecuted(entry.bundleId(), classes, "requested through the API"));
            return classes;
        } catch (PatchRejectedException e) {
            throw new OuroborosException("rollback failed: " + e.getMessage(), e);
        }
    }

    /** Stops background cycles and releases the engine's resources; swapped code stays swapped. */
    @Override
    public void close() {
        stop();
        if (dashboard != null) {
            dashboard.close();
        }
        if (mbeanName != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbeanName);
            } catch (JMException e) {
                LOG.warn("cannot unregister {}", mbeanName, e);
            }
        }
        synchronized (cycleLock) {
            if (compiler != null) {
                compiler.close();
            }
        }
        patcher.close();
        state.close();
        if (attached == this) {
            attached = null;
        }
    }

    private InMemoryCompiler compiler() {
        synchronized (cycleLock) {
            if (compiler == null) {
                compiler = InMemoryCompiler.create();
            }
            return compiler;
        }
    }

    private DashboardServer startDashboard() {
        if (config.dashboardPort().isEmpty()) {
            return null;
        }
        LiveCycleView view = new LiveCycleView(Clock.systemUTC());
        listeners.add(view);
        DashboardServer server = DashboardServer.start(config.dashboardBind(), config.dashboardPort().getAsInt(),
                approvals, state, this::results, view, () -> EvolutionReport.from(state).toHtml());
        // The token goes to standard error only, for the person who started the program, not to the log files.
        server.announcement().forEach(System.err::println);
        LOG.info("dashboard at {}", server.uri());
        if (!server.loopback()) {
            LOG.warn("the dashboard listens on {}, not a loopback address, because dashboard-bind says so",
                    config.dashboardBind());
        }
        return server;
    }

    private ObjectName registerMBean(String name) {
        try {
            ObjectName objectName = new ObjectName("dev.ouroboros:type=Engine,name="
                    + ObjectName.quote(name != null ? name : "engine-" + Integer.toHexString(System.identityHashCode(this))));
            ManagementFactory.getPlatformMBeanServer().registerMBean(
                    new EngineMXBean(this::results, approvals, this::rollbackLast), objectName);
            return objectName;
        } catch (JMException e) {
            throw new InvalidConfigurationException("cannot register the engine's MXBean (" + e.getMessage()
                    + "); give the engine another name or set jmx=false");
        }
    }

    private void runInBackground() {
        try {
            sleepUnlessStopped(config.startDelay().toMillis());
            for (int i = 0; i < config.cycles() && !stopRequested.get(); i++) {
                runCycle();
            }
        } catch (RuntimeException | Error e) {
            // The host program must never crash because of Ouroboros: report and end the background work.
            LOG.error("Ouroboros background cycle failed; the program goes on without it", e);
            System.err.println("ouroboros: background cycle failed (" + e + "); the program goes on without it");
        }
    }

    private void sleepUnlessStopped(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!stopRequested.get() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Builds an engine; fails fast on a missing source root or a JDK without {@code javac}. */
    public static final class Builder {
        private EvolutionConfig config;
        private Instrumentation instrumentation;
        private final List<EvolutionListener> listeners = new ArrayList<>();
        private String name;

        private Builder() {
        }

        /** Names the engine in JMX ({@code dev.ouroboros:type=Engine,name="<name>"}); default: a unique name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the configuration (required). */
        public Builder config(EvolutionConfig config) {
            this.config = config;
            return this;
        }

        /** Sets the instrumentation to patch through; default: the agent's, else a self-attach. */
        public Builder instrumentation(Instrumentation instrumentation) {
            this.instrumentation = instrumentation;
            return this;
        }

        /** Adds a listener. */
        public Builder listener(EvolutionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws OuroborosException naming a missing source root, a missing compiler or an unavailable agent
         */
        public OuroborosEngine build() {
            try {
                return new OuroborosEngine(this);
            } catch (PatchRejectedException e) {
                throw new OuroborosException(e.getMessage(), e);
            }
        }
    }
}
