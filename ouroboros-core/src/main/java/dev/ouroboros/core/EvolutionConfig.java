package dev.ouroboros.core;

import dev.ouroboros.arena.TimingClock;
import dev.ouroboros.core.internal.ConfigOptions;
import dev.ouroboros.patcher.RegressionPolicy;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Everything one engine needs to know, as an immutable value.
 *
 * <p>The same configuration comes from code ({@link #builder()}), from {@code -javaagent} options
 * ({@link #fromAgentArgs(String)}: {@code key=value} pairs separated by commas, list values
 * separated by semicolons) and from a properties file ({@link #fromProperties(Properties)}: the
 * same keys prefixed with {@code ouroboros.}). {@code docs/configuration.md} lists every key.
 *
 * @param sourceRoots     directories holding the program's Java sources; at least one
 * @param target          {@code pkg.Class} or {@code pkg.Class#method} to evolve; empty means "the hottest
 *                        method with source", found by JFR sampling
 * @param testClasses     test classes to run against every candidate; empty means the target's
 *                        {@code <Name>Test} / {@code <Name>Tests} by convention
 * @param operators       mutation operator names; empty means every semantics-preserving built-in
 * @param seed            seed of every random choice, for replay
 * @param startDelay      wait before the first cycle of {@link OuroborosEngine#start()}
 * @param profileDuration how long to sample hotspots when no target is given
 * @param cycles          how many cycles {@link OuroborosEngine#start()} runs (0: none)
 * @param maxCandidates   candidates per cycle, at most
 * @param minSpeedup      a winner's median must beat the original's by this factor (&gt; 1)
 * @param sandboxTimeout  wall-time limit of one candidate's sandbox worker
 * @param warmupRounds    unmeasured test runs of each variant before timing
 * @param measuredRounds  paired, measured test runs of original and candidate
 * @param classpath       class path to compile candidates against and to run their tests on
 *                        (application classes, test classes and the JUnit Platform); made absolute
 * @param approval        who lets a winner go live
 * @param verbose         print one progress line per stage to standard error
 * @param trigger         when {@link OuroborosEngine#start()} runs cycles: in dream sessions or at once
 * @param idleTime        how long the machine must stay under every threshold before a dream starts
 * @param maxCpuLoad      system CPU load (0..1) above which the machine counts as busy
 * @param sessionTime     wall-time budget of one dream session
 * @param jmx             register the engine's MXBean ({@code dev.ouroboros:type=Engine,name=...})
 * @param dataDirectory   where the durable history, winners and decisions are journaled; made absolute
 * @param reapply         at agent start, re-apply the winners that were live when the program last stopped
 * @param watch           watch a swapped-in winner's methods on the program's own work and roll it back by
 *                        itself when they get slower or fail more often ({@code docs/configuration.md})
 * @param watchPolicy     what counts as a regression for the watch, and how long it watches
 * @param dashboardPort   serve the live dashboard on this TCP port (0: a free port chosen at start); empty: no dashboard
 * @param dashboardBind   the address the dashboard listens on; a loopback address unless deliberately set otherwise
 * @param jmhFinalists    how many of the screen's fastest candidates JMH measures against the original before one
 *                        is selected (0: the paired timing screen alone decides)
 * @param timingClock     what the sandbox's paired timing screen measures: thread CPU time (default) or wall time
 * @param differential    run the differential check against the original on generated inputs after the tests
 * @param recordWindow    how long the target class runs a recording copy before the candidates are evaluated, so
 *                        that the differential check also replays the program's real calls; zero: not recorded
 */
public record EvolutionConfig(
        List<Path> sourceRoots,
        Optional<String> target,
        List<String> testClasses,
        List<String> operators,
        long seed,
        Duration startDelay,
        Duration profileDuration,
        int cycles,
        int maxCandidates,
        double minSpeedup,
        Duration sandboxTimeout,
        int warmupRounds,
        int measuredRounds,
        List<Path> classpath,
        ApprovalMode approval,
        boolean verbose,
        CycleTrigger trigger,
        Duration idleTime,
        double maxCpuLoad,
        Duration sessionTime,
        boolean jmx,
        Path dataDirectory,
        boolean reapply,
        boolean watch,
        RegressionPolicy watchPolicy,
        OptionalInt dashboardPort,
        String dashboardBind,
        int jmhFinalists,
        TimingClock timingClock,
        boolean differential,
        Duration recordWindow) {

    /** Validates every field; messages name the option and the value. */
    public EvolutionConfig {
        sourceRoots = List.copyOf(sourceRoots);
        if (sourceRoots.isEmpty()) {
            throw new InvalidConfigurationException(
                    "source must name at least one source root, e.g. source=src/main/java");
        }
        Objects.requireNonNull(target, "target must not be null");
        target.ifPresent(t -> {
            if (t.isBlank() || t.startsWith("#") || t.endsWith("#")) {
                throw new InvalidConfigurationException("target must be pkg.Class or pkg.Class#method, was '" + t + "'");
            }
        });
        testClasses = List.copyOf(testClasses);
        operators = List.copyOf(operators);
        requireNonNegative(startDelay, "delay");
        requireNonNegative(profileDuration, "profile");
        if (profileDuration.isZero() && target.isEmpty()) {
            throw new InvalidConfigurationException("profile must be positive when no target is given, was 0");
        }
        if (cycles < 0) {
            throw new InvalidConfigurationException("cycles must not be negative, was " + cycles);
        }
        if (maxCandidates < 1) {
            throw new InvalidConfigurationException("candidates must be at least 1, was " + maxCandidates);
        }
        if (!(minSpeedup > 1.0) || Double.isInfinite(minSpeedup)) {
            throw new InvalidConfigurationException("min-speedup must be a number above 1.0, was " + minSpeedup);
        }
        requireNonNegative(sandboxTimeout, "timeout");
        if (sandboxTimeout.isZero()) {
            throw new InvalidConfigurationException("timeout must be positive, was 0");
        }
        if (warmupRounds < 0) {
            throw new InvalidConfigurationException("warmup must not be negative, was " + warmupRounds);
        }
        if (measuredRounds < 5) {
            throw new InvalidConfigurationException("rounds must be at least 5 for a rank test on the timings, was " + measuredRounds);
        }
        // Absolute, so the value means the same whoever reads it (the sandbox makes its own copy absolute too).
        classpath = classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Objects.requireNonNull(approval, "approval must not be null");
        Objects.requireNonNull(trigger, "trigger must not be null");
        requireNonNegative(idleTime, "idle-time");
        if (idleTime.compareTo(Duration.ofSeconds(30)) < 0 || idleTime.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidConfigurationException("idle-time must be between 30 s and 1 h, was " + idleTime);
        }
        if (!(maxCpuLoad > 0 && maxCpuLoad <= 1)) {
            throw new InvalidConfigurationException("max-cpu must be a fraction in (0, 1], was " + maxCpuLoad);
        }
        requireNonNegative(sessionTime, "session-time");
        if (sessionTime.isZero()) {
            throw new InvalidConfigurationException("session-time must be positive, was 0");
        }
        Objects.requireNonNull(dataDirectory, "data-dir must not be null");
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (jmhFinalists < 0 || jmhFinalists > 5) {
            throw new InvalidConfigurationException("jmh-finalists must be from 0 (off) to 5, was " + jmhFinalists);
        }
        Objects.requireNonNull(timingClock, "clock must not be null");
        Objects.requireNonNull(recordWindow, "record-window must not be null");
        if (recordWindow.isNegative() || recordWindow.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidConfigurationException("record-window must be from 0 (off) to 1m, was " + recordWindow);
        }
        Objects.requireNonNull(watchPolicy, "watchPolicy must not be null");
        Objects.requireNonNull(dashboardPort, "dashboard must not be null");
        dashboardPort.ifPresent(port -> {
            if (port < 0 || port > 65535) {
                throw new InvalidConfigurationException("dashboard must be a TCP port from 0 (any free port) to 65535, was "
                        + port);
            }
        });
        Objects.requireNonNull(dashboardBind, "dashboard-bind must not be null");
        dashboardBind = dashboardBind.strip();
        if (dashboardBind.isEmpty() || !dashboardBind.matches("[0-9A-Za-z.:%_-]+")) {
            throw new InvalidConfigurationException("dashboard-bind must be an IP address or host name such as 127.0.0.1,"
                    + " was '" + dashboardBind + "'");
        }
    }

    /** Returns a builder with the defaults of {@code docs/configuration.md}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses {@code -javaagent} options such as {@code source=src/main/java,target=com.acme.Report#toCsv}.
     *
     * @throws InvalidConfigurationException naming the first bad option
     */
    public static EvolutionConfig fromAgentArgs(String agentArgs) {
        // An agent has no other way to tell its user what it does: progress lines are on unless turned off.
        return ConfigOptions.fromAgentArgs(agentArgs, builder().verbose(true)).build();
    }

    /**
     * Reads the same options from properties keyed {@code ouroboros.<option>}; other keys are ignored.
     *
     * @throws InvalidConfigurationException naming the first bad option
     */
    public static EvolutionConfig fromProperties(Properties properties) {
        return ConfigOptions.fromProperties(properties, builder()).build();
    }

    /** Returns the target class name, without a method part. */
    public Optional<String> targetClass() {
        return target.map(t -> t.contains("#") ? t.substring(0, t.indexOf('#')) : t);
    }

    /** Returns the target method name, when the target names one. */
    public Optional<String> targetMethod() {
        return target.filter(t -> t.contains("#")).map(t -> t.substring(t.indexOf('#') + 1));
    }

    private static void requireNonNegative(Duration d, String option) {
        Objects.requireNonNull(d, option + " must not be null");
        if (d.isNegative()) {
            throw new InvalidConfigurationException(option + " must not be negative, was " + d);
        }
    }

    /** Mutable builder; {@link #build()} validates and returns the immutable value. */
    public static final class Builder {
        private final List<Path> sourceRoots = new ArrayList<>();
        private String target;
        private final List<String> testClasses = new ArrayList<>();
        private final List<String> operators = new ArrayList<>();
        private long seed;
        private Duration startDelay = Duration.ZERO;
        private Duration profileDuration = Duration.ofSeconds(5);
        private int cycles = 1;
        private int maxCandidates = 20;
        private double minSpeedup = 1.10;
        private Duration sandboxTimeout = Duration.ofSeconds(60);
        private int warmupRounds = 3;
        private int measuredRounds = 10;
        private List<Path> classpath = defaultClasspath();
        private ApprovalMode approval = ApprovalMode.AUTOMATIC;
        private boolean verbose;
        private CycleTrigger trigger = CycleTrigger.DREAM;
        private Duration idleTime = Duration.ofSeconds(30);
        private double maxCpuLoad = 0.05;
        private Duration sessionTime = Duration.ofMinutes(10);
        private boolean jmx = true;
        private Path dataDirectory = Path.of(".ouroboros");
        private boolean reapply;
        private boolean watch = true;
        private double watchMaxSlowdown = RegressionPolicy.defaults().maxSlowdown();
        private double watchMaxFailureRise = RegressionPolicy.defaults().maxFailureRateIncrease();
        private long watchMinCalls = RegressionPolicy.defaults().minCalls();
        private Duration watchWindow = RegressionPolicy.defaults().window();
        private int watchMaxWindows = RegressionPolicy.defaults().maxWindows();
        private OptionalInt dashboardPort = OptionalInt.empty();
        private String dashboardBind = "127.0.0.1";
        private int jmhFinalists;
        private TimingClock timingClock = TimingClock.THREAD_CPU;
        private boolean differential = true;
        private Duration recordWindow = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Adds source roots. */
        public Builder sourceRoots(Path... roots) {
            sourceRoots.addAll(Arrays.asList(roots));
            return this;
        }

        /** Sets {@code pkg.Class} or {@code pkg.Class#method}; null clears it (hottest method). */
        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /** Adds test classes by binary name. */
        public Builder testClasses(String... names) {
            testClasses.addAll(Arrays.asList(names));
            return this;
        }

        /** Adds mutation operators by name. */
        public Builder operators(String... names) {
            operators.addAll(Arrays.asList(names));
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder startDelay(Duration delay) {
            this.startDelay = delay;
            return this;
        }

        public Builder profileDuration(Duration duration) {
            this.profileDuration = duration;
            return this;
        }

        public Builder cycles(int cycles) {
            this.cycles = cycles;
            return this;
        }

        public Builder maxCandidates(int max) {
            this.maxCandidates = max;
            return this;
        }

        public Builder minSpeedup(double factor) {
            this.minSpeedup = factor;
            return this;
        }

        public Builder sandboxTimeout(Duration timeout) {
            this.sandboxTimeout = timeout;
            return this;
        }

        public Builder warmupRounds(int rounds) {
            this.warmupRounds = rounds;
            return this;
        }

        public Builder measuredRounds(int rounds) {
            this.measuredRounds = rounds;
            return this;
        }

        /** Replaces the class path (default: this JVM's {@code java.class.path}). */
        public Builder classpath(List<Path> entries) {
            this.classpath = List.copyOf(entries);
            return this;
        }

        public Builder approval(ApprovalMode mode) {
            this.approval = mode;
            return this;
        }

        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public Builder trigger(CycleTrigger trigger) {
            this.trigger = trigger;
            return this;
        }

        public Builder idleTime(Duration idleTime) {
            this.idleTime = idleTime;
            return this;
        }

        public Builder maxCpuLoad(double fraction) {
            this.maxCpuLoad = fraction;
            return this;
        }

        public Builder sessionTime(Duration sessionTime) {
            this.sessionTime = sessionTime;
            return this;
        }

        public Builder jmx(boolean jmx) {
            this.jmx = jmx;
            return this;
        }

        /** Sets the data directory (default {@code .ouroboros} in the working directory). */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** At agent start, re-apply the winners that were live when the program last stopped (default false). */
        public Builder reapply(boolean reapply) {
            this.reapply = reapply;
            return this;
        }

        /** Watch each swapped-in winner on the program's own work and roll it back on a regression (default true). */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** The largest allowed ratio of mean call time after the swap to before it, at least 1 (default 1.25). */
        public Builder watchMaxSlowdown(double ratio) {
            this.watchMaxSlowdown = ratio;
            return this;
        }

        /** The largest allowed rise of the share of calls that fail, 0 to 1 (default 0.001). */
        public Builder watchMaxFailureRise(double fraction) {
            this.watchMaxFailureRise = fraction;
            return this;
        }

        /** The fewest calls a window needs before it is judged (default 200). */
        public Builder watchMinCalls(long calls) {
            this.watchMinCalls = calls;
            return this;
        }

        /** How long each watch window lasts (default 1 s). */
        public Builder watchWindow(Duration window) {
            this.watchWindow = window;
            return this;
        }

        /** How many windows to wait for enough calls, before and after the swap (default 10). */
        public Builder watchMaxWindows(int windows) {
            this.watchMaxWindows = windows;
            return this;
        }

        /**
         * Serves the live dashboard on this port while the engine is open (0: any free port; default: no
         * dashboard). See {@code docs/dashboard.md}.
         */
        public Builder dashboard(int port) {
            this.dashboardPort = OptionalInt.of(port);
            return this;
        }

        /**
         * Sets the address the dashboard listens on (default {@code 127.0.0.1}). Any address that is not a
         * loopback address exposes the dashboard's pages to the network; the engine says so when it starts.
         */
        public Builder dashboardBind(String address) {
            this.dashboardBind = address;
            return this;
        }

        /**
         * How many of the timing screen's fastest candidates JMH measures against the original, each in its own
         * fork, before a tournament over their fitness picks the winner (default 0: the screen alone decides;
         * each finalist adds about 5-10 s to a cycle). See {@code docs/scoring.md}.
         */
        public Builder jmhFinalists(int finalists) {
            this.jmhFinalists = finalists;
            return this;
        }

        /**
         * What the timing screen measures of each test run (default {@link TimingClock#THREAD_CPU}: CPU time of the
         * worker's threads plus GC time, which time spent waiting for a core does not inflate, so a busy machine
         * does not hide a real speed-up; {@link TimingClock#WALL} for code whose gain is less waiting).
         */
        public Builder timingClock(TimingClock clock) {
            this.timingClock = clock;
            return this;
        }

        /**
         * Whether candidates that pass the tests are also compared with the original on generated inputs
         * (default true; see {@code docs/arena.md}). Turn it off only to show what the later gates do.
         */
        public Builder differential(boolean on) {
            this.differential = on;
            return this;
        }

        /**
         * How long the target class runs a recording copy before the candidates are evaluated (default 1 s, at
         * most 1 min; {@link Duration#ZERO} turns recording off): the arguments of the program's own calls of
         * the target methods, up to 32 distinct ones per method, are replayed by the differential check
         * beside the generated inputs. Ends early once every method has 32; needs {@code differential}.
         */
        public Builder recordWindow(Duration window) {
            this.recordWindow = window;
            return this;
        }

        /** Validates and returns the configuration. */
        public EvolutionConfig build() {
            return new EvolutionConfig(sourceRoots, Optional.ofNullable(target), testClasses, operators, seed,
                    startDelay, profileDuration, cycles, maxCandidates, minSpeedup, sandboxTimeout, warmupRounds,
                    measuredRounds, classpath, approval, verbose, trigger, idleTime, maxCpuLoad, sessionTime, jmx,
                    dataDirectory, reapply, watch, watchPolicy(), dashboardPort, dashboardBind, jmhFinalists,
                    timingClock, differential, recordWindow);
        }

        private RegressionPolicy watchPolicy() {
            if (!(watchMaxSlowdown >= 1.0) || Double.isInfinite(watchMaxSlowdown)) {
                throw new InvalidConfigurationException("watch-slowdown must be a number of at least 1.0 (1.25 allows"
                        + " calls 25% slower than before the swap), was " + watchMaxSlowdown);
            }
            if (!(watchMaxFailureRise >= 0 && watchMaxFailureRise <= 1)) {
                throw new InvalidConfigurationException("watch-failure-rise must be a fraction from 0 to 1 (0.001 allows"
                        + " 0.1 percentage points more failed calls), was " + watchMaxFailureRise);
            }
            if (watchMinCalls < 1) {
                throw new InvalidConfigurationException("watch-min-calls must be at least 1, was " + watchMinCalls);
            }
            requireNonNegative(watchWindow, "watch-window");
            if (watchWindow.compareTo(Duration.ofMillis(10)) < 0 || watchWindow.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidConfigurationException("watch-window must be between 10ms and 1h, was " + watchWindow);
            }
            if (watchMaxWindows < 1 || watchMaxWindows > 1000) {
                throw new InvalidConfigurationException("watch-windows must be from 1 to 1000, was " + watchMaxWindows);
            }
            return new RegressionPolicy(watchMaxSlowdown, watchMaxFailureRise, watchMinCalls, watchWindow,
                    watchMaxWindows);
        }

        private static List<Path> defaultClasspath() {
            String cp = System.getProperty("java.class.path", "");
            return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        }
    }
}
