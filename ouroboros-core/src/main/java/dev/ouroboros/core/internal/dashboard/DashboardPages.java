package dev.ouroboros.core.internal.dashboard;

import static dev.ouroboros.core.internal.dashboard.Html.escape;

import dev.ouroboros.core.EngineState;
import dev.ouroboros.core.EvolutionResult;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.PendingApproval;
import dev.ouroboros.core.Winner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the dashboard's pages from the engine's state; every value taken from the engine is escaped. */
final class DashboardPages {

    /** History rows shown, newest first; the journal keeps them all. */
    static final int HISTORY_ROWS = 500;

    private DashboardPages() {
    }

    /** The live cycle view: filled and refreshed by {@code dashboard.js} from {@code /api/status}. */
    static String overview() {
        String body = """
                <section class="live" id="live">
                <p>Engine: <strong id="phase">loading…</strong> · cycles completed: <strong id="cycles">–</strong>
                 · pending approvals: <a href="/approvals"><strong id="pending">–</strong></a></p>
                <h2>Cycle <span id="cycle-id">–</span> <span id="cycle-state"></span></h2>
                <p>Target: <code id="cycle-region">–</code> <span id="cycle-why" class="muted"></span></p>
                <p>Candidates generated: <strong id="cycle-generated">–</strong> · best speed-up: <strong
                 id="best-speedup">–</strong></p>
                <table id="gates"><thead><tr><th>gate</th><th>reached</th><th>passed</th></tr></thead><tbody></tbody></table>
                <p id="cycle-outcome" class="muted"></p>
                <h2>Latest events</h2>
                <ol id="events" class="events"></ol>
                <p class="muted" id="refreshed"></p>
                </section>
                """;
        return Html.page("Live cycle", "/", body);
    }

    /** The approval queue: each winner with its diff, scores and evidence, and the two buttons. */
    static String approvals(List<PendingApproval> pending) {
        StringBuilder body = new StringBuilder(4096);
        body.append("""
                <form id="token-form" class="token" autocomplete="off"><label>Token (printed at start:
                 <code>ouroboros: dashboard at … token=…</code>) <input id="token" type="password" size="40"
                 autocomplete="off"></label></form>
                <p id="result" role="status"></p>
                """);
        if (pending.isEmpty()) {
            body.append("<p id=\"no-pending\">No winner is waiting for approval.</p>");
        }
        for (PendingApproval p : pending) {
            Winner w = p.winner();
            String id = escape(p.id());
            body.append("<section class=\"approval\" data-id=\"").append(id).append("\">\n<h2>").append(id)
                    .append(" <span class=\"muted\">").append(escape(w.operator())).append(" · ")
                    .append(escape(p.severity().name())).append("</span></h2>\n<dl>")
                    .append(row("region", w.regionId()))
                    .append(row("speed-up", String.format(Locale.ROOT, "%.2fx (faster in %.0f%% of paired rounds)",
                            w.speedup(), 100 * w.mutantWinFraction())))
                    .append(row("median test time", String.format(Locale.ROOT, "%.3f ms → %.3f ms",
                            w.originalMedianNanos() / 1e6, w.mutantMedianNanos() / 1e6)))
                    .append(row("evidence", p.evidence()))
                    .append(row("cycle", p.cycleId() + " · queued " + p.createdAt()))
                    .append(row("classes", String.join(", ", w.classSha256().keySet())))
                    .append("</dl>\n<pre class=\"diff\">").append(diff(w.diff())).append("</pre>\n")
                    .append("<p><button class=\"approve\" data-id=\"").append(id).append("\">Approve</button> ")
                    .append("<input class=\"reason\" placeholder=\"reason for rejecting\" size=\"30\"> ")
                    .append("<button class=\"reject\" data-id=\"").append(id).append("\">Reject</button></p>\n")
                    .append("</section>\n");
        }
        return Html.page("Approvals", "/approvals", body.toString());
    }

    /** This run's cycles, the winners and the durable history, newest first. */
    static String history(List<EvolutionResult> results, EngineState state) {
        StringBuilder body = new StringBuilder(8192);
        body.append("<h2>Cycles in this run</h2>\n<table id=\"cycles\"><thead><tr><th>cycle</th><th>outcome</th>")
                .append("<th>candidates</th><th>seconds</th><th>message</th></tr></thead><tbody>\n");
        List<EvolutionResult> newestFirst = new ArrayList<>(results);
        Collections.reverse(newestFirst);
        for (EvolutionResult r : newestFirst) {
            body.append("<tr><td>").append(escape(r.cycleId())).append("</td><td>").append(escape(r.outcome().name()))
                    .append("</td><td>").append(r.candidates().size()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", r.duration().toMillis() / 1000.0)).append("</td><td>")
                    .append(escape(r.message())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n<h2>Winners</h2>\n<table id=\"winners\"><thead><tr><th>candidate</th>")
                .append("<th>operator</th><th>region</th><th>speed-up</th><th>live</th></tr></thead><tbody>\n");
        for (Winner w : state.winners().winners()) {
            body.append("<tr><td>").append(escape(w.candidateId())).append("</td><td>").append(escape(w.operator()))
                    .append("</td><td>").append(escape(w.regionId())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.2fx", w.speedup())).append("</td><td>")
                    .append(w.applied() ? "yes" : "no").append("</td></tr>\n");
        }
        List<HistoryEntry> entries = state.history().entries();
        body.append("</tbody></table>\n<h2>Candidate history</h2>\n<p class=\"muted\">")
                .append(Math.min(HISTORY_ROWS, entries.size())).append(" of ").append(entries.size())
                .append(" entries, newest first; the journal in <code>data-dir</code> keeps them all.</p>\n")
                .append("<table id=\"history\"><thead><tr><th>#</th><th>time</th><th>candidate</th><th>operator</th>")
                .append("<th>region</th><th>status</th><th>speed-up</th><th>detail</th></tr></thead><tbody>\n");
        for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - HISTORY_ROWS); i--) {
            HistoryEntry e = entries.get(i);
            body.append("<tr><td>").append(e.sequence()).append("</td><td>").append(e.time()).append("</td><td>")
                    .append(escape(e.candidateId())).append("</td><td>").append(escape(e.operator())).append("</td><td>")
                    .append(escape(e.regionId())).append("</td><td>").append(e.status()).append("</td><td>")
                    .append(e.timed() ? String.format(Locale.ROOT, "%.2fx", e.speedup()) : "").append("</td><td>")
                    .append(escape(e.detail())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        return Html.page("History", "/history", body.toString());
    }

    /** The live view as JSON, with the count of pending approvals. */
    static String status(LiveCycleView view, int pending) {
        Map<String, Object> snapshot = view.snapshot();
        snapshot.put("pending", pending);
        return JsonText.write(snapshot);
    }

    private static String row(String name, String value) {
        return "<dt>" + escape(name) + "</dt><dd>" + escape(value) + "</dd>";
    }

    /** Escapes a unified diff, marking added and removed lines for colour. */
    private static String diff(String diff) {
        StringBuilder out = new StringBuilder(diff.length() + 256);
        for (String line : diff.split("\n", -1)) {
            String cls = line.startsWith("+++") || line.startsWith("---") ? "file"
                    : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : null;
            if (cls == null) {
                out.append(escape(line)).append('\n');
            } else {
                out.append("<span class=\"").append(cls).append("\">").append(escape(line)).append("</span>\n");
            }
        }
        return out.toString();
    }
}
