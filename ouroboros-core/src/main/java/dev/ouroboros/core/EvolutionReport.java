package dev.ouroboros.core;

import dev.ouroboros.core.internal.report.HtmlReport;
import dev.ouroboros.core.internal.report.ReportData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evolution report: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched
 * when it is viewed) that shows what the engine did, from a snapshot of its durable state.
 *
 * <p>It holds the cycles over time, the candidates per operator and per gate of the cascade, every
 * winner's speed-up with its confidence interval, rank test and diff, and the rollback history.
 * {@code docs/report.md} describes the page and its stable element ids. A report is a snapshot: it does
 * not change when the state does.
 */
public final class EvolutionReport {

    private final ReportData data;

    private EvolutionReport(ReportData data) {
        this.data = data;
    }

    /**
     * Takes a snapshot of the durable state.
     *
     * @param state an open state; it is only read
     * @return the report; never null
     */
    public static EvolutionReport from(EngineState state) {
        Objects.requireNonNull(state, "state must not be null");
        long last = state.lastSequence();
        List<HistoryEntry> history = state.history().entries().stream().filter(e -> e.sequence() <= last).toList();
        Map<String, List<HistoryEntry>> byCandidate = new LinkedHashMap<>();
        history.forEach(e -> byCandidate.computeIfAbsent(e.candidateId(), k -> new ArrayList<>()).add(e));
        List<ReportData.WinnerRow> winners = new ArrayList<>();
        for (Winner w : state.winners().winners()) {
            List<HistoryEntry> entries = byCandidate.getOrDefault(w.candidateId(), List.of());
            HistoryStatus status = entries.isEmpty() ? (w.applied() ? HistoryStatus.APPLIED : HistoryStatus.FASTER)
                    : entries.get(entries.size() - 1).status();
            String cycle = entries.isEmpty() ? "" : entries.get(0).cycleId();
            Instant found = entries.isEmpty() ? Instant.EPOCH : entries.get(0).time();
            String proof = entries.stream().filter(e -> e.status() == HistoryStatus.FASTER).map(HistoryEntry::detail)
                    .findFirst().orElse("");
            winners.add(new ReportData.WinnerRow(w, state.winners().evidence(w.candidateId()), status, cycle, found, proof));
        }
        return new EvolutionReport(new ReportData(state.directory(), last, Instant.now(), history, winners,
                EvolutionStatistics.of(history)));
    }

    /** Returns the page as HTML text; never null. */
    public String toHtml() {
        return HtmlReport.render(data);
    }

    /**
     * Writes the page to a file atomically: a temporary file beside it, forced, then renamed over it, so a
     * reader never sees half a report.
     *
     * @param file where to write, e.g. {@code report.html}; its directory is created when missing
     * @throws DataDirectoryException naming the file when it cannot be written
     */
    public void writeTo(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(toHtml().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new DataDirectoryException(target, "cannot write the report: " + e, e);
        }
    }
}
