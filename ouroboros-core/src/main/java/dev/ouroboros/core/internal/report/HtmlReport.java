package dev.ouroboros.core.internal.report;

import static dev.ouroboros.core.internal.report.Html.num;
import static dev.ouroboros.core.internal.report.Html.text;

import dev.ouroboros.core.EvolutionStatistics;
import dev.ouroboros.core.HistoryEntry;
import dev.ouroboros.core.HistoryStatus;
import dev.ouroboros.core.Winner;
import dev.ouroboros.core.WinnerEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders a {@link ReportData} snapshot as one self-contained HTML page.
 *
 * <p>Stable hooks for tools and browser tests: {@code #cycles-chart}, {@code #speedup-chart},
 * {@code #operators-chart} (SVG), one {@code .winner} section per winner holding a {@code .diff}, and the
 * {@code #rollbacks} table. Every piece of text from the journal is escaped.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;
            vertical-align:top;font-size:.9em;overflow-wrap:anywhere}th{background:#f4f4f4}
            .winner{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}
            .diff{background:#fafafa;border:1px solid #eee;padding:.5em;overflow-x:auto;font-size:.85em;line-height:1.35}
            .diff span{display:block;white-space:pre}.diff .add{background:#e6ffec;color:#116329}
            .diff .del{background:#ffebe9;color:#82071e}.diff .hunk{color:#0550ae}.diff .file{color:#666;font-weight:bold}
            .status{font-weight:bold}.muted{color:#777}svg{max-width:100%;height:auto}
            """;

    private static final int HISTORY_ROWS = 500;

    private HtmlReport() {
    }

    /** Returns the page; never null. */
    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Ouroboros evolution report</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Ouroboros evolution report</h1>\n<p class=\"muted\">Data directory <code>")
                .append(text(data.directory().toString())).append("</code>, journal up to sequence ")
                .append(data.lastSequence()).append(", snapshot taken ").append(text(data.takenAt().toString()))
                .append(".</p>\n");
        summary(html, data);
        html.append("<h2>Cycles over time</h2>\n").append(Charts.cycles(cycles(data.history(), data.winners())));
        html.append("<h2>Speed-up over generations</h2>\n<p class=\"muted\">Each point is a winner (original median ÷ ")
                .append("winner median); the bar is its ").append(num(WinnerEvidence.CONFIDENCE * 100, 0))
                .append("% bootstrap interval; the grey step is the best so far; dashed: no change.</p>\n")
                .append(Charts.speedup(speedPoints(data.winners())));
        html.append("<h2>Candidates per operator and gate</h2>\n").append(Charts.operators(gates(data.history())));
        operatorTable(html, data.statistics());
        html.append("<h2>Winners</h2>\n");
        if (data.winners().isEmpty()) {
            html.append("<p>No winner yet.</p>\n");
        }
        for (ReportData.WinnerRow row : data.winners()) {
            winner(html, row);
        }
        rollbacks(html, data.history());
        historyTable(html, data.history());
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, ReportData data) {
        Set<String> cycles = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        data.history().forEach(e -> {
            cycles.add(e.cycleId());
            candidates.add(e.candidateId());
        });
        double best = data.winners().stream().mapToDouble(w -> w.winner().speedup()).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        html.append("<table id=\"summary\"><tr><th>cycles</th><th>candidates</th><th>winners</th><th>applied now</th>")
                .append("<th>pending approval</th><th>best speed-up</th></tr><tr><td>").append(cycles.size())
                .append("</td><td>").append(candidates.size()).append("</td><td>").append(data.winners().size())
                .append("</td><td>").append(data.winners().stream().filter(w -> w.winner().applied()).count())
                .append("</td><td>").append(data.winners().stream().filter(w -> w.status() == HistoryStatus.PENDING_APPROVAL)
                        .count())
                .append("</td><td>").append(Double.isFinite(best) ? num(best, 2) + "×" : "–").append("</td></tr></table>\n");
    }

    /** Cycles in order of their first entry, each with its number of distinct candidates. */
    static List<Charts.CyclePoint> cycles(List<HistoryEntry> history, List<ReportData.WinnerRow> winners) {
        Map<String, Instant> start = new LinkedHashMap<>();
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        for (HistoryEntry e : history) {
            start.putIfAbsent(e.cycleId(), e.time());
            candidates.computeIfAbsent(e.cycleId(), k -> new HashSet<>()).add(e.candidateId());
        }
        Set<String> winning = new HashSet<>();
        winners.forEach(w -> winning.add(w.cycleId()));
        List<Charts.CyclePoint> points = new ArrayList<>();
        start.forEach((id, at) -> points.add(new Charts.CyclePoint(id, at, candidates.get(id).size(), winning.contains(id))));
        points.sort((a, b) -> a.start().compareTo(b.start()));
        return points;
    }

    private static List<Charts.SpeedPoint> speedPoints(List<ReportData.WinnerRow> winners) {
        List<ReportData.WinnerRow> ordered = new ArrayList<>(winners);
        ordered.sort((a, b) -> a.recordedAt().compareTo(b.recordedAt()));
        return ordered.stream().filter(w -> Double.isFinite(w.winner().speedup()))
                .map(w -> new Charts.SpeedPoint(w.winner().candidateId() + " (" + w.winner().operator() + ")",
                        w.winner().speedup(), w.evidence().map(WinnerEvidence::speedupLow).orElse(Double.NaN),
                        w.evidence().map(WinnerEvidence::speedupHigh).orElse(Double.NaN)))
                .toList();
    }

    /** Per operator, how many candidates stopped at each gate of the cascade (their first cascade status). */
    static Map<String, Map<HistoryStatus, Long>> gates(List<HistoryEntry> history) {
        Map<String, HistoryStatus> gateOf = new LinkedHashMap<>();
        Map<String, String> operatorOf = new LinkedHashMap<>();
        for (HistoryEntry e : history) {
            operatorOf.putIfAbsent(e.candidateId(), e.operator());
            HistoryStatus known = gateOf.get(e.candidateId());
            boolean cascade = Charts.GATE_COLOURS.containsKey(e.status()) && e.status() != HistoryStatus.SKIPPED;
            if (known == null || (known == HistoryStatus.SKIPPED && cascade)) {
                gateOf.put(e.candidateId(), Charts.GATE_COLOURS.containsKey(e.status()) ? e.status() : HistoryStatus.FASTER);
            }
        }
        Map<String, Map<HistoryStatus, Long>> result = new TreeMap<>();
        gateOf.forEach((candidate, gate) -> result.computeIfAbsent(operatorOf.get(candidate), k -> new LinkedHashMap<>())
                .merge(gate, 1L, Long::sum));
        return result;
    }

    private static void operatorTable(StringBuilder html, EvolutionStatistics statistics) {
        html.append("<table id=\"operators\"><tr><th>operator</th><th>candidates</th><th>compiled</th>")
                .append("<th>passed tests</th><th>faster</th><th>applied</th><th>success rate</th></tr>\n");
        statistics.byOperator().values().forEach(c -> html.append("<tr><td>").append(text(c.operator())).append("</td><td>")
                .append(c.candidates()).append("</td><td>").append(c.compiled()).append("</td><td>").append(c.passedTests())
                .append("</td><td>").append(c.faster()).append("</td><td>").append(c.applied()).append("</td><td>")
                .append(num(c.successRate() * 100, 0)).append("%</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void winner(StringBuilder html, ReportData.WinnerRow row) {
        Winner w = row.winner();
        html.append("<section class=\"winner\" id=\"winner-").append(text(w.candidateId().replaceAll("[^A-Za-z0-9_-]", "_")))
                .append("\">\n<h3>").append(text(w.candidateId())).append(" — ").append(text(w.operator()))
                .append(" on <code>").append(text(w.regionId())).append("</code></h3>\n<p>Status <span class=\"status\">")
                .append(text(row.status().name())).append("</span>").append(w.applied() ? " (live)" : "")
                .append(", cycle ").append(text(row.cycleId())).append(", found ").append(text(row.recordedAt().toString()))
                .append(".</p>\n<table class=\"evidence\"><tr><th>speed-up</th><th>")
                .append(num(WinnerEvidence.CONFIDENCE * 100, 0)).append("% interval</th><th>original median</th>")
                .append("<th>winner median</th><th>rounds won</th><th>rounds</th><th>Mann-Whitney p</th><th>Â12</th></tr>")
                .append("<tr><td>").append(num(w.speedup(), 2)).append("×</td><td>")
                .append(row.evidence().map(e -> num(e.speedupLow(), 2) + "× – " + num(e.speedupHigh(), 2) + "×")
                        .orElse("not journaled"))
                .append("</td><td>").append(num(w.originalMedianNanos() / 1e6, 3)).append(" ms</td><td>")
                .append(num(w.mutantMedianNanos() / 1e6, 3)).append(" ms</td><td>")
                .append(num(w.mutantWinFraction() * 100, 0)).append("%</td><td>")
                .append(row.evidence().map(e -> String.valueOf(e.rounds())).orElse("–")).append("</td><td>")
                .append(row.evidence().map(e -> num(e.pValue(), 4)).orElse("–")).append("</td><td>")
                .append(row.evidence().map(e -> num(e.a12(), 2)).orElse("–")).append("</td></tr></table>\n");
        if (!row.proof().isEmpty()) {
            html.append("<p class=\"proof\">Evidence: ").append(text(row.proof())).append("</p>\n");
        }
        html.append("<p class=\"muted\">Classes: ");
        new TreeMap<>(w.classSha256()).forEach((name, sha) -> html.append("<code>").append(text(name)).append("</code> sha256 ")
                .append(text(sha.substring(0, Math.min(12, sha.length())))).append("… "));
        html.append("</p>\n").append(diff(w.diff())).append("</section>\n");
    }

    /** The unified diff, one span per line, coloured by its first character. */
    static String diff(String diff) {
        StringBuilder out = new StringBuilder("<pre class=\"diff\">");
        diff.lines().forEach(line -> {
            String kind = line.startsWith("+++") || line.startsWith("---") ? "file"
                    : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "ctx";
            out.append("<span class=\"").append(kind).append("\">").append(text(line)).append("</span>");
        });
        return out.append("</pre>\n").toString();
    }

    /** The latest history entries, newest first: every gate's verdict with its reason. */
    private static void historyTable(StringBuilder html, List<HistoryEntry> history) {
        int shown = Math.min(HISTORY_ROWS, history.size());
        html.append("<h2>History</h2>\n<p class=\"muted\">The latest ").append(shown).append(" of ").append(history.size())
                .append(" journal entries, newest first.</p>\n<table id=\"history\"><tr><th>seq</th><th>time</th>")
                .append("<th>cycle</th><th>candidate</th><th>operator</th><th>status</th><th>detail</th></tr>\n");
        for (int i = history.size() - 1; i >= history.size() - shown; i--) {
            HistoryEntry e = history.get(i);
            html.append("<tr><td>").append(e.sequence()).append("</td><td>").append(text(e.time().toString()))
                    .append("</td><td>").append(text(e.cycleId())).append("</td><td>").append(text(e.candidateId()))
                    .append("</td><td>").append(text(e.operator())).append("</td><td>").append(e.status().name())
                    .append("</td><td>").append(text(e.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void rollbacks(StringBuilder html, List<HistoryEntry> history) {
        html.append("<h2>Rollbacks</h2>\n<table id=\"rollbacks\"><tr><th>time</th><th>candidate</th><th>operator</th>")
                .append("<th>region</th><th>why</th></tr>\n");
        List<HistoryEntry> rolledBack = history.stream().filter(e -> e.status() == HistoryStatus.ROLLED_BACK).toList();
        for (HistoryEntry e : rolledBack) {
            html.append("<tr class=\"rollback\"><td>").append(text(e.time().toString())).append("</td><td>")
                    .append(text(e.candidateId())).append("</td><td>").append(text(e.operator())).append("</td><td>")
                    .append(text(e.regionId())).append("</td><td>").append(text(e.detail())).append("</td></tr>\n");
        }
        if (rolledBack.isEmpty()) {
            html.append("<tr><td colspan=\"5\">No rollback.</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
