package dev.ouroboros.core.internal.report;

import static dev.ouroboros.core.internal.report.Html.num;
import static dev.ouroboros.core.internal.report.Html.text;
import static dev.ouroboros.core.internal.report.Html.xy;

import dev.ouroboros.core.HistoryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The report's three charts as inline SVG: drawn from numbers, nothing fetched, no script. */
final class Charts {

    /** One cycle: when it started, how many candidates it evaluated, whether it found a winner. */
    record CyclePoint(String cycleId, Instant start, int candidates, boolean winner) {
    }

    /** One winner in the order found: its speed-up and the bounds of its interval (NaN when unknown). */
    record SpeedPoint(String label, double speedup, double low, double high) {
    }

    /** The cascade's gates in order, with the colour of each in the stacked bars. */
    static final Map<HistoryStatus, String> GATE_COLOURS = orderedGates();

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private Charts() {
    }

    private static Map<HistoryStatus, String> orderedGates() {
        Map<HistoryStatus, String> m = new java.util.LinkedHashMap<>();
        m.put(HistoryStatus.COMPILE_FAILED, "#b0b0b0");
        m.put(HistoryStatus.NOT_REDEFINABLE, "#8e7cc3");
        m.put(HistoryStatus.TESTS_FAILED, "#e06666");
        m.put(HistoryStatus.SANDBOX_FAILED, "#f6b26b");
        m.put(HistoryStatus.NOT_FASTER, "#6fa8dc");
        m.put(HistoryStatus.FASTER, "#38a169");
        m.put(HistoryStatus.SKIPPED, "#dddddd");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Candidates per cycle as bars placed on a time axis; a winning cycle's bar is green. */
    static String cycles(List<CyclePoint> cycles) {
        StringBuilder svg = open("cycles-chart", "Candidates evaluated per cycle over time");
        if (cycles.isEmpty()) {
            return empty(svg, "no cycle has run yet");
        }
        long first = cycles.get(0).start().toEpochMilli();
        long last = cycles.get(cycles.size() - 1).start().toEpochMilli();
        int max = cycles.stream().mapToInt(CyclePoint::candidates).max().orElse(1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double bar = Math.max(3, Math.min(24, plotW / (cycles.size() * 2.0)));
        axes(svg, 0, max, "candidates", 0);
        for (CyclePoint c : cycles) {
            double f = last == first ? 0.5 : (c.start().toEpochMilli() - first) / (double) (last - first);
            double x = LEFT + bar / 2 + f * (plotW - bar);
            double h = max == 0 ? 0 : plotH * c.candidates() / max;
            svg.append("<rect class=\"cycle\" x=\"").append(xy(x - bar / 2)).append("\" y=\"").append(xy(TOP + plotH - h))
                    .append("\" width=\"").append(xy(bar)).append("\" height=\"").append(xy(h)).append("\" fill=\"")
                    .append(c.winner() ? "#38a169" : "#6fa8dc").append("\"><title>cycle ").append(text(c.cycleId()))
                    .append(" at ").append(text(c.start().toString())).append(": ").append(c.candidates())
                    .append(" candidates").append(c.winner() ? ", found a winner" : "").append("</title></rect>\n");
        }
        label(svg, LEFT, HEIGHT - 8, "start", cycles.get(0).start().toString());
        label(svg, WIDTH - RIGHT, HEIGHT - 8, "end", cycles.get(cycles.size() - 1).start().toString());
        return svg.append("</svg>\n").toString();
    }

    /** Each winner's speed-up with its confidence interval, by generation, and the best so far as a step line. */
    static String speedup(List<SpeedPoint> points) {
        StringBuilder svg = open("speedup-chart", "Speed-up of each winner by generation, with confidence intervals");
        if (points.isEmpty()) {
            return empty(svg, "no winner yet");
        }
        double max = 1.0;
        for (SpeedPoint p : points) {
            max = Math.max(max, Double.isFinite(p.high()) ? p.high() : p.speedup());
            max = Math.max(max, p.speedup());
        }
        max = Math.ceil(max * 1.1 * 10) / 10;
        double min = 0;
        axes(svg, min, max, "speed-up (×)", 1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = plotW / points.size();
        double finalMin = min;
        double finalMax = max;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - plotH * (v - finalMin) / (finalMax - finalMin);
        svg.append("<line class=\"baseline\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(xy(y.applyAsDouble(1))).append("\" y2=\"").append(xy(y.applyAsDouble(1)))
                .append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        label(svg, LEFT - 4, y.applyAsDouble(1) + 4, "end", "1.0");
        StringBuilder best = new StringBuilder();
        double bestSoFar = 0;
        for (int i = 0; i < points.size(); i++) {
            SpeedPoint p = points.get(i);
            double x = LEFT + step * (i + 0.5);
            bestSoFar = Math.max(bestSoFar, p.speedup());
            best.append(i == 0 ? "M" : " L").append(xy(x - step / 2)).append(' ').append(xy(y.applyAsDouble(bestSoFar)))
                    .append(" L").append(xy(x + step / 2)).append(' ').append(xy(y.applyAsDouble(bestSoFar)));
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                svg.append("<line class=\"ci\" x1=\"").append(xy(x)).append("\" x2=\"").append(xy(x)).append("\" y1=\"")
                        .append(xy(y.applyAsDouble(p.low()))).append("\" y2=\"").append(xy(y.applyAsDouble(p.high())))
                        .append("\" stroke=\"#2f6f4f\" stroke-width=\"2\"/>\n");
            }
            svg.append("<circle class=\"point\" cx=\"").append(xy(x)).append("\" cy=\"").append(xy(y.applyAsDouble(p.speedup())))
                    .append("\" r=\"4\" fill=\"#38a169\"><title>").append(text(p.label())).append(": ")
                    .append(num(p.speedup(), 2)).append("×");
            if (Double.isFinite(p.low())) {
                svg.append(", 95% CI ").append(num(p.low(), 2)).append("–").append(num(p.high(), 2));
            }
            svg.append("</title></circle>\n");
            label(svg, x, HEIGHT - 22, "middle", String.valueOf(i + 1));
        }
        svg.append("<path class=\"best\" d=\"").append(best).append("\" fill=\"none\" stroke=\"#999\"/>\n");
        label(svg, LEFT + plotW / 2, HEIGHT - 6, "middle", "generation (winners in the order found)");
        return svg.append("</svg>\n").toString();
    }

    /** Candidates per operator as horizontal bars, stacked by the gate each candidate stopped at. */
    static String operators(Map<String, Map<HistoryStatus, Long>> byOperator) {
        int rows = Math.max(1, byOperator.size());
        int rowH = 26;
        int height = TOP + rows * rowH + 44;
        StringBuilder svg = new StringBuilder("<svg id=\"operators-chart\" width=\""
                + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " " + height
                + "\" role=\"img\"><title>Candidates per operator, by the gate they reached</title>\n");
        if (byOperator.isEmpty()) {
            return empty(svg, "no candidate has been evaluated yet");
        }
        int labelW = 200;
        double plotW = WIDTH - labelW - RIGHT - 40;
        long max = byOperator.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum())
                .max().orElse(1);
        int row = 0;
        for (Map.Entry<String, Map<HistoryStatus, Long>> op : byOperator.entrySet()) {
            double yTop = TOP + row * rowH;
            label(svg, labelW - 6, yTop + 16, "end", op.getKey());
            double x = labelW;
            long total = 0;
            for (Map.Entry<HistoryStatus, String> gate : GATE_COLOURS.entrySet()) {
                long n = op.getValue().getOrDefault(gate.getKey(), 0L);
                if (n == 0) {
                    continue;
                }
                total += n;
                double w = plotW * n / max;
                svg.append("<rect class=\"gate ").append(gate.getKey().name()).append("\" x=\"").append(xy(x))
                        .append("\" y=\"").append(xy(yTop + 4)).append("\" width=\"").append(xy(w))
                        .append("\" height=\"18\" fill=\"").append(gate.getValue()).append("\"><title>")
                        .append(text(op.getKey())).append(": ").append(n).append(' ').append(gate.getKey().name())
                        .append("</title></rect>\n");
                x += w;
            }
            label(svg, x + 4, yTop + 16, "start", String.valueOf(total));
            row++;
        }
        double lx = 8;
        double ly = TOP + rows * rowH + 24;
        for (Map.Entry<HistoryStatus, String> gate : GATE_COLOURS.entrySet()) {
            svg.append("<rect x=\"").append(xy(lx)).append("\" y=\"").append(xy(ly - 10)).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(gate.getValue()).append("\"/>");
            label(svg, lx + 14, ly, "start", gate.getKey().name());
            lx += 14 + gate.getKey().name().length() * 7.0 + 10;
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg id=\"").append(id).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\"><title>").append(text(title)).append("</title>\n");
    }

    private static String empty(StringBuilder svg, String message) {
        label(svg, WIDTH / 2.0, 40, "middle", message);
        return svg.append("</svg>\n").toString();
    }

    private static void axes(StringBuilder svg, double min, double max, String unit, int decimals) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#444\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#444\"/>\n");
        label(svg, LEFT - 4, bottom, "end", num(min, decimals));
        label(svg, LEFT - 4, TOP + 8, "end", num(max, decimals));
        svg.append("<text x=\"12\" y=\"").append(TOP + (bottom - TOP) / 2).append("\" font-size=\"11\" transform=\"rotate(-90 12 ")
                .append(TOP + (bottom - TOP) / 2).append(")\" text-anchor=\"middle\">").append(text(unit)).append("</text>\n");
    }

    private static void label(StringBuilder svg, double x, double y, String anchor, String s) {
        svg.append("<text x=\"").append(xy(x)).append("\" y=\"").append(xy(y)).append("\" font-size=\"11\" text-anchor=\"")
                .append(anchor).append("\">").append(text(s)).append("</text>\n");
    }
}
