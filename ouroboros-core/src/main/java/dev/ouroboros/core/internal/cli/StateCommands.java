package dev.ouroboros.core.internal.cli;

import dev.ouroboros.core.DataDirectoryException;
import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionReport;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.internal.journal.Journal;
import dev.ouroboros.genome.OuroborosException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The commands that read or change a data directory without running an engine: {@code report},
 * {@code history}, {@code approve}, {@code reject}, {@code rollback}.
 *
 * <p>They open the directory like an engine does (so they refuse a foreign or newer directory and one
 * that a running engine holds locked) and change it only by appending journal records.
 */
final class StateCommands {

    static final String REPORT_HELP = """
            usage: ouroboros report [--data-dir DIR] [--out FILE]

            Writes the evolution report of a data directory: one self-contained HTML file (inline SVG
            charts, no script, nothing fetched when viewed) with the cycles over time, candidates per
            operator and gate, each winner's speed-up with its 95% interval, evidence and diff, and the
            rollbacks. Prints the file's path. Reads the directory without locking it, so it works
            while an engine runs on it (a snapshot as of now).

              --data-dir DIR   the data directory (default .ouroboros)
              --out FILE       the HTML file to write (default ouroboros-report.html)
            """;
    static final String HISTORY_HELP = """
            usage: ouroboros history [--data-dir DIR] [--all] [--status STATUS]

            Lists the candidates of a data directory, one line each with its current (latest) status:
            sequence, time, cycle, candidate, operator, status, speed-up, and the approval id of pending
            winners. Tab-separated, oldest first. Reads the directory without locking it, so it works
            while an engine runs on it (a snapshot as of now).

              --data-dir DIR    the data directory (default .ouroboros)
              --all             every journal entry, not only each candidate's latest
              --status STATUS   only entries with this status, e.g. PENDING_APPROVAL, APPLIED
            """;
    static final String APPROVE_HELP = """
            usage: ouroboros approve <id> [--data-dir DIR] [--by NAME]

            Approves a winner waiting for approval (id: its approval id a-... or its candidate id, as
            'history --status PENDING_APPROVAL' lists them). Offline nothing is swapped: the approval is
            journaled (status APPROVED), and the next engine started on this data directory with
            reapply=true swaps it in at start, after verifying its stored bytes, the class's fidelity to
            the source and its redefinability, exactly like a winner that was live before a restart.

              --data-dir DIR   the data directory (default .ouroboros)
              --by NAME        who approves, journaled with the approval (default: the user name)
            """;
    static final String REJECT_HELP = """
            usage: ouroboros reject <id> [--data-dir DIR] [--reason TEXT]

            Rejects a winner waiting for approval (or approved but not yet applied): it is journaled as
            REJECTED and no engine will queue or apply it again.

              --data-dir DIR   the data directory (default .ouroboros)
              --reason TEXT    why, journaled with the rejection
            """;
    static final String ROLLBACK_HELP = """
            usage: ouroboros rollback <id> [--data-dir DIR] [--reason TEXT]

            Marks an applied winner (candidate id) rolled back in the durable state: it is journaled as
            ROLLED_BACK and no longer applied, so an engine started later on this data directory does not
            re-apply it. Offline no running program is touched: an engine that runs now holds the
            directory locked (this command then refuses), and a program's live code is only restored by
            its own engine (rollbackLast, JMX) or by restarting it.

              --data-dir DIR   the data directory (default .ouroboros)
              --reason TEXT    why, journaled with the rollback
            """;

    private final PrintStream out;
    private final PrintStream err;

    StateCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String command, List<String> args) {
        return switch (command) {
            case "report" -> report(CliArgs.parse(command, args, Set.of("data-dir", "out"), Set.of()));
            case "history" -> history(CliArgs.parse(command, args, Set.of("data-dir", "status"), Set.of("all")));
            case "approve" -> approve(CliArgs.parse(command, args, Set.of("data-dir", "by"), Set.of()));
            case "reject" -> reject(CliArgs.parse(command, args, Set.of("data-dir", "reason"), Set.of()));
            case "rollback" -> rollback(CliArgs.parse(command, args, Set.of("data-dir", "reason"), Set.of()));
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private int report(CliArgs a) {
        a.noOperands();
        Path file = Path.of(a.value("out").orElse("ouroboros-report.html")).toAbsolutePath().normalize();
        try (EngineState state = snapshot(a)) {
            EvolutionReport.from(state).writeTo(file);
        }
        out.println(file);
        return OuroborosCli.OK;
    }

    private int history(CliArgs a) {
        a.noOperands();
        Optional<HistoryStatus> status = a.value("status").map(s -> {
            try {
                return HistoryStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--status must be one of " + List.of(HistoryStatus.values()) + ", was '" + s + "'");
            }
        });
        try (EngineState state = snapshot(a)) {
            List<HistoryEntry> entries = a.flag("all") ? state.history().entries()
                    : state.history().entries().stream()
                            .filter(e -> state.history().latest(e.candidateId()).orElseThrow().sequence() == e.sequence())
                            .toList();
            out.println("seq\ttime\tcycle\tcandidate\toperator\tstatus\tspeedup\tapproval");
            for (HistoryEntry e : entries) {
                if (status.isPresent() && e.status() != status.get()) {
                    continue;
                }
                String approval = e.status() == HistoryStatus.PENDING_APPROVAL ? e.detail().split(" ", 2)[0] : "";
                out.println(e.sequence() + "\t" + e.time() + "\t" + e.cycleId() + "\t" + e.candidateId() + "\t"
                        + e.operator() + "\t" + e.status() + "\t"
                        + (e.timed() ? String.format(Locale.ROOT, "%.2fx", e.speedup()) : "-") + "\t" + approval);
            }
        }
        return OuroborosCli.OK;
    }

    private int approve(CliArgs a) {
        String id = a.oneOperand("approval or candidate id");
        String by = a.value("by").orElse(System.getProperty("user.name", "unknown"));
        try (EngineState state = open(a)) {
            HistoryEntry e = pending(state, id, false);
            state.history().transition(e.candidateId(), HistoryStatus.APPROVED, "approved by " + by
                    + " on the command line; applied by the next engine started with reapply=true on this data directory");
            out.println("approved " + e.candidateId() + " (" + e.operator() + " on " + e.regionId() + "); the next engine "
                    + "started with reapply=true on " + state.directory() + " swaps it in");
        }
        return OuroborosCli.OK;
    }

    private int reject(CliArgs a) {
        String id = a.oneOperand("approval or candidate id");
        String reason = a.value("reason").orElse("rejected on the command line");
        try (EngineState state = open(a)) {
            HistoryEntry e = pending(state, id, true);
            state.history().transition(e.candidateId(), HistoryStatus.REJECTED, reason);
            out.println("rejected " + e.candidateId() + " (" + e.operator() + " on " + e.regionId() + ")");
        }
        return OuroborosCli.OK;
    }

    private int rollback(CliArgs a) {
        String id = a.oneOperand("candidate id");
        String reason = a.value("reason").orElse("rolled back on the command line");
        try (EngineState state = open(a)) {
            Winner w = state.winners().winner(id).orElseThrow(() -> new OuroborosException("no winner '" + id + "' in "
                    + state.directory() + "; applied winners: " + state.winners().applied().stream()
                            .map(Winner::candidateId).toList()));
            if (!w.applied()) {
                throw new OuroborosException("winner " + id + " is not applied (status "
                        + state.history().latest(id).map(e -> e.status().name()).orElse("unknown")
                        + "); only an applied winner can be rolled back — use reject for a pending one");
            }
            state.history().transition(id, HistoryStatus.ROLLED_BACK, reason + "; offline: the next engine started on "
                    + "this data directory does not re-apply it");
            state.winners().markApplied(id, false);
            out.println("rolled back " + id + " in " + state.directory() + ": no engine started later re-applies it;"
                    + " a program running it now keeps it until it restarts");
        }
        return OuroborosCli.OK;
    }

    /** Finds the candidate waiting for a decision by approval id or candidate id. */
    private static HistoryEntry pending(EngineState state, String id, boolean approvedToo) {
        List<HistoryEntry> waiting = state.history().entries().stream()
                .map(e -> state.history().latest(e.candidateId()).orElseThrow()).distinct()
                .filter(e -> e.status() == HistoryStatus.PENDING_APPROVAL
                        || (approvedToo && e.status() == HistoryStatus.APPROVED
                                && !state.winners().winner(e.candidateId()).map(Winner::applied).orElse(false)))
                .toList();
        return waiting.stream().filter(e -> e.candidateId().equals(id) || e.detail().startsWith(id + " ")
                        || approvalIdOf(state, e.candidateId()).equals(id))
                .findFirst()
                .orElseThrow(() -> {
                    String now = state.history().latest(id).map(e -> "; " + id + " is " + e.status()).orElse("");
                    return new OuroborosException("no winner waiting for approval with id '" + id + "' in "
                            + state.directory() + now + "; waiting: " + waiting.stream()
                                    .map(e -> approvalIdOf(state, e.candidateId()) + " (" + e.candidateId() + ")").toList());
                });
    }

    /** The approval id journaled when the winner was queued, or "" when it never was. */
    private static String approvalIdOf(EngineState state, String candidateId) {
        return state.history().entries().stream()
                .filter(e -> e.candidateId().equals(candidateId) && e.status() == HistoryStatus.PENDING_APPROVAL)
                .map(e -> e.detail().split(" ", 2)[0]).findFirst().orElse("");
    }

    /** Reads the data directory without its lock: {@code report} and {@code history} only look. */
    private EngineState snapshot(CliArgs a) {
        EngineState state = EngineState.openReadOnly(existingDirectory(a));
        state.repairs().forEach(r -> err.println("ouroboros: " + r));
        return state;
    }

    private EngineState open(CliArgs a) {
        EngineState state = openExisting(a);
        state.repairs().forEach(r -> err.println("ouroboros: " + r));
        return state;
    }

    /**
     * Opens an existing data directory; a missing one is an error here (only an engine creates one), and a
     * locked one gets the hint of what to do.
     */
    private static Path existingDirectory(CliArgs a) {
        Path dir = Path.of(a.value("data-dir").orElse(".ouroboros")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(Journal.MARKER))) {
            throw new OuroborosException("no Ouroboros data directory at " + dir + " (no " + Journal.MARKER
                    + "); pass --data-dir, or run 'ouroboros evolve' or an engine first");
        }
        return dir;
    }

    static EngineState openExisting(CliArgs a) {
        Path dir = existingDirectory(a);
        try {
            return EngineState.open(dir);
        } catch (DataDirectoryException e) {
            if (e.getMessage().contains("in use by another engine")) {
                throw new OuroborosException(e.getMessage() + ". A running engine holds " + dir
                        + "; stop it first ('report' and 'history' read it while it runs)", e);
            }
            throw e;
        }
    }
}
