package dev.ouroboros.core.internal;

import dev.ouroboros.arena.TimingClock;
import dev.ouroboros.core.ApprovalMode;
import dev.ouroboros.core.CycleTrigger;
import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.InvalidConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads configuration options from agent arguments and properties into a config builder.
 *
 * <p>One table maps each option name to its setter, so both sources accept exactly the same
 * options and reject unknown ones with the list of known names.
 */
public final class ConfigOptions {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Map<String, BiConsumer<EvolutionConfig.Builder, String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("source", (b, v) -> b.sourceRoots(list(v).stream().map(Path::of).toArray(Path[]::new)));
        OPTIONS.put("target", (b, v) -> b.target(v));
        OPTIONS.put("tests", (b, v) -> b.testClasses(list(v).toArray(String[]::new)));
        OPTIONS.put("operators", (b, v) -> b.operators(list(v).toArray(String[]::new)));
        OPTIONS.put("seed", (b, v) -> b.seed(parseLong("seed", v)));
        OPTIONS.put("delay", (b, v) -> b.startDelay(duration("delay", v)));
        OPTIONS.put("profile", (b, v) -> b.profileDuration(duration("profile", v)));
        OPTIONS.put("cycles", (b, v) -> b.cycles((int) parseLong("cycles", v)));
        OPTIONS.put("candidates", (b, v) -> b.maxCandidates((int) parseLong("candidates", v)));
        OPTIONS.put("min-speedup", (b, v) -> b.minSpeedup(parseDouble("min-speedup", v)));
        OPTIONS.put("timeout", (b, v) -> b.sandboxTimeout(duration("timeout", v)));
        OPTIONS.put("warmup", (b, v) -> b.warmupRounds((int) parseLong("warmup", v)));
        OPTIONS.put("rounds", (b, v) -> b.measuredRounds((int) parseLong("rounds", v)));
        OPTIONS.put("classpath", (b, v) -> b.classpath(
                Arrays.stream(v.split(File.pathSeparator + "|;")).filter(s -> !s.isBlank()).map(Path::of).toList()));
        OPTIONS.put("approval", (b, v) -> b.approval(approval(v)));
        OPTIONS.put("verbose", (b, v) -> b.verbose(bool("verbose", v)));
        OPTIONS.put("trigger", (b, v) -> b.trigger(trigger(v)));
        OPTIONS.put("idle-time", (b, v) -> b.idleTime(duration("idle-time", v)));
        OPTIONS.put("max-cpu", (b, v) -> b.maxCpuLoad(parseDouble("max-cpu", v)));
        OPTIONS.put("session-time", (b, v) -> b.sessionTime(duration("session-time", v)));
        OPTIONS.put("jmx", (b, v) -> b.jmx(bool("jmx", v)));
        OPTIONS.put("data-dir", (b, v) -> b.dataDirectory(Path.of(v)));
        OPTIONS.put("reapply", (b, v) -> b.reapply(bool("reapply", v)));
        OPTIONS.put("watch", (b, v) -> b.watch(bool("watch", v)));
        OPTIONS.put("watch-slowdown", (b, v) -> b.watchMaxSlowdown(parseDouble("watch-slowdown", v)));
        OPTIONS.put("watch-failure-rise", (b, v) -> b.watchMaxFailureRise(parseDouble("watch-failure-rise", v)));
        OPTIONS.put("watch-min-calls", (b, v) -> b.watchMinCalls(parseLong("watch-min-calls", v)));
        OPTIONS.put("watch-window", (b, v) -> b.watchWindow(duration("watch-window", v)));
        OPTIONS.put("watch-windows", (b, v) -> b.watchMaxWindows((int) parseLong("watch-windows", v)));
        OPTIONS.put("dashboard", (b, v) -> b.dashboard(port(v)));
        OPTIONS.put("dashboard-bind", (b, v) -> b.dashboardBind(v));
        OPTIONS.put("clock", (b, v) -> b.timingClock(clock(v)));
        OPTIONS.put("differential", (b, v) -> b.differential(bool("differential", v)));
        OPTIONS.put("record-window", (b, v) -> b.recordWindow(duration("record-window", v)));
        OPTIONS.put("jmh-finalists", (b, v) -> b.jmhFinalists((int) parseLong("jmh-finalists", v)));
    }

    private ConfigOptions() {
    }

    /** Applies {@code key=value,key=value} agent arguments to the builder. */
    public static EvolutionConfig.Builder fromAgentArgs(String args, EvolutionConfig.Builder builder) {
        if (args == null || args.isBlank()) {
            throw new InvalidConfigurationException(
                    "no agent options: use -javaagent:ouroboros-agent.jar=source=<dir>[,target=pkg.Class#method]");
        }
        for (String pair : args.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InvalidConfigurationException("agent option '" + pair + "' is not key=value; known keys: "
                        + String.join(", ", OPTIONS.keySet()));
            }
            apply(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip(), builder);
        }
        return builder;
    }

    /** Applies {@code ouroboros.<option>} properties to the builder; other keys are ignored. */
    public static EvolutionConfig.Builder fromProperties(Properties properties, EvolutionConfig.Builder builder) {
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("ouroboros.")) {
                apply(key.substring("ouroboros.".length()), properties.getProperty(key).strip(), builder);
            }
        }
        return builder;
    }

    private static void apply(String key, String value, EvolutionConfig.Builder builder) {
        BiConsumer<EvolutionConfig.Builder, String> setter = OPTIONS.get(key);
        if (setter == null) {
            throw new InvalidConfigurationException("unknown option '" + key + "'; known options: "
                    + String.join(", ", OPTIONS.keySet()));
        }
        if (value.isEmpty()) {
            throw new InvalidConfigurationException("option '" + key + "' has no value");
        }
        setter.accept(builder, value);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601 such as {@code PT5S}. */
    static Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(option + " must be a duration such as 500ms, 5s, 2m or PT5S, was '"
                    + value + "'");
        }
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(option + " must be a whole number, was '" + value + "'");
        }
    }

    private static int port(String value) {
        long port = parseLong("dashboard", value);
        if (port < 0 || port > 65535) {
            throw new InvalidConfigurationException("dashboard must be a TCP port from 0 (any free port) to 65535, was "
                    + value);
        }
        return (int) port;
    }

    private static double parseDouble(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(option + " must be a number, was '" + value + "'");
        }
    }

    private static boolean bool(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new InvalidConfigurationException(option + " must be true or false, was '" + value + "'");
        };
    }

    private static TimingClock clock(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "cpu" -> TimingClock.THREAD_CPU;
            case "wall" -> TimingClock.WALL;
            default -> throw new InvalidConfigurationException("clock must be one of [cpu, wall], was '" + value + "'");
        };
    }

    private static CycleTrigger trigger(String value) {
        try {
            return CycleTrigger.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("trigger must be one of [dream, immediate], was '" + value + "'");
        }
    }

    private static ApprovalMode approval(String value) {
        try {
            return ApprovalMode.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("approval must be one of [automatic, approve-major, manual, disabled], was '"
                    + value + "'");
        }
    }
}
