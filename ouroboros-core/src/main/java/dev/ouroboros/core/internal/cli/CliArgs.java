package dev.ouroboros.core.internal.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options and operands of one command, parsed against the options the command knows.
 *
 * <p>Options are {@code --name value}, {@code --name=value} or, for flags, {@code --name}; {@code --}
 * ends the options and everything after it is kept as {@link #rest()}. Anything unknown is a
 * {@link UsageException} that names it.
 */
final class CliArgs {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();
    private final List<String> rest = new ArrayList<>();

    private CliArgs(String command) {
        this.command = command;
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param withValue the options that take a value
     * @param flags     the options that take none
     */
    static CliArgs parse(String command, List<String> args, Set<String> withValue, Set<String> flags) {
        CliArgs parsed = new CliArgs(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                parsed.rest.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                parsed.operands.add(a);
                continue;
            }
            if (!a.startsWith("--")) {
                throw new UsageException("unknown option '" + a + "' for " + command + " (options start with --)");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " of " + command + " takes no value, was '" + value + "'");
                }
                parsed.values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --" + name + " of " + command + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.values.put(name, value);
            } else {
                throw new UsageException("unknown option '--" + name + "' for " + command);
            }
        }
        return parsed;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String required(String name, String example) {
        return value(name).orElseThrow(() -> new UsageException(command + " needs --" + name + ", e.g. --" + name + " "
                + example));
    }

    List<String> operands() {
        return operands;
    }

    List<String> rest() {
        return rest;
    }

    /** The single operand of commands such as {@code approve <id>}. */
    String oneOperand(String what) {
        if (operands.size() != 1) {
            throw new UsageException(command + " needs exactly one " + what + ", was " + operands);
        }
        return operands.get(0);
    }

    void noOperands() {
        if (!operands.isEmpty()) {
            throw new UsageException(command + " takes no operands, was " + operands);
        }
    }

    int intValue(String name, int fallback, int min) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v.get() + "'");
        }
    }

    double doubleValue(String name, double fallback) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + v.get() + "'");
        }
    }

    long longValue(String name, long fallback) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v.get() + "'");
        }
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} (or a sum such as {@code 1m30s}). */
    Optional<Duration> duration(String name) {
        return value(name).map(v -> parseDuration(name, v));
    }

    static Duration parseDuration(String name, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        while (m.find() && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            at = m.end();
        }
        if (t.isEmpty() || at != t.length() || total.isZero()) {
            throw new UsageException("--" + name + " must be a positive duration such as 90s, 5m or 1h30m, was '" + text + "'");
        }
        return total;
    }
}
