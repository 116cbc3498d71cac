package dev.ouroboros.core.internal.cli;

import dev.ouroboros.genome.OuroborosException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code java -jar ouroboros-agent.jar <command> [options]}, the {@code Main-Class} of
 * the shaded agent jar.
 *
 * <p>Exit codes follow the common convention: 0 success, 1 a failure at run time (bad data directory,
 * unknown id, engine error), 2 a usage error (unknown command or option, missing or malformed value),
 * reported on standard error with the usage line. {@code --help} prints to standard output and exits 0.
 */
public final class OuroborosCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_LINE = "usage: ouroboros [--version] [--help] <command> [--data-dir DIR] [options]";

    private static final String HELP = USAGE_LINE + """


            Evolves hot Java methods offline and manages the durable state of a data directory.

            Commands:
              evolve     run evolution cycles on a source tree, its class path and its tests
              report     write the HTML evolution report of a data directory
              history    list what happened to every candidate
              approve    approve a pending winner (a live engine started later re-applies it)
              reject     reject a pending winner
              rollback   mark an applied winner rolled back (a live engine started later skips it)
              help       show this help, or a command's: ouroboros help <command>

            Common options:
              --data-dir DIR   the data directory (default .ouroboros)
              --help           show help and exit
              --version        print the version and exit

            Exit codes: 0 success, 1 failure, 2 usage error.
            Run 'ouroboros help <command>' for a command's options; docs/cli.md has examples.
            """;

    static final Map<String, String> COMMAND_HELP = Map.of(
            "evolve", EvolveCommand.HELP,
            "report", StateCommands.REPORT_HELP,
            "history", StateCommands.HISTORY_HELP,
            "approve", StateCommands.APPROVE_HELP,
            "reject", StateCommands.REJECT_HELP,
            "rollback", StateCommands.ROLLBACK_HELP);

    private OuroborosCli() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // The agent jar carries no SLF4J provider (the host program brings its own); the command line reports on
        // standard error itself, so SLF4J's "no providers" warning is only noise here. A user's setting wins.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Runs one command.
     *
     * @return the exit code: 0 success, 1 failure, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty()) {
            err.println(USAGE_LINE);
            err.println("ouroboros: no command given; run 'ouroboros --help' for the commands");
            return USAGE;
        }
        String command = all.get(0);
        List<String> rest = all.subList(1, all.size());
        try {
            switch (command) {
                case "--help", "-h", "help" -> {
                    return help(rest, out);
                }
                case "--version", "version" -> {
                    out.println("ouroboros " + version());
                    return OK;
                }
                default -> {
                    // handled below
                }
            }
            if (!COMMAND_HELP.containsKey(command)) {
                throw new UsageException("unknown command '" + command + "'; commands: evolve, report, history, approve, "
                        + "reject, rollback, help");
            }
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(COMMAND_HELP.get(command));
                return OK;
            }
            return switch (command) {
                case "evolve" -> new EvolveCommand(out, err).run(rest);
                default -> new StateCommands(out, err).run(command, rest);
            };
        } catch (UsageException e) {
            err.println(USAGE_LINE);
            err.println("ouroboros: " + e.getMessage());
            return USAGE;
        } catch (OuroborosException e) {
            err.println("ouroboros: " + e.getMessage());
            return FAILED;
        }
    }

    private static int help(List<String> rest, PrintStream out) {
        if (rest.isEmpty()) {
            out.print(HELP);
            return OK;
        }
        String text = COMMAND_HELP.get(rest.get(0));
        if (text == null) {
            throw new UsageException("no help for unknown command '" + rest.get(0) + "'");
        }
        out.print(text);
        return OK;
    }

    /** The version written into the agent jar's manifest, or a note when run from classes. */
    static String version() {
        String v = OuroborosCli.class.getPackage().getImplementationVersion();
        return v != null ? v : "(development build, not run from the agent jar)";
    }
}
