package dev.ouroboros.core;

import dev.ouroboros.core.internal.journal.Journal;
import dev.ouroboros.core.internal.journal.JournalRecord;
import dev.ouroboros.genome.GenomeChecksum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The winners that were chosen, with the exact class bytes they consist of, durable across crashes.
 *
 * <p>{@link #record} first stores every changed class's bytes as {@code classes/<sha256>.class}
 * (atomically and forced), then appends the journal record that refers to them, so an acknowledged
 * winner always has its bytes. {@link #classBytes} hashes the stored bytes again before handing them
 * out, so nothing corrupt is ever re-applied. The latest record of a candidate wins: marking a winner
 * applied or rolled back appends a new record. Obtain it from {@link EngineState#winners()}. Thread-safe.
 */
public final class WinnerRegistry {

    static final String TYPE = "winner";

    private final Journal journal;
    private final Map<String, Winner> winners = new LinkedHashMap<>();
    private final Map<String, WinnerEvidence> evidence = new LinkedHashMap<>();

    WinnerRegistry(Journal journal) {
        this.journal = journal;
    }

    /**
     * Stores the winner's class bytes, then its record; returns once both are durable.
     *
     * @param winner     the winner; its {@link Winner#classSha256()} must name exactly the classes given
     * @param classBytes the bytes of every class the winner changes, by binary name
     * @return the winner as recorded; never null
     * @throws IllegalArgumentException when the bytes do not match the winner's hashes (nothing is written)
     * @throws DataDirectoryException   when the bytes or the record could not be made durable
     */
    public Winner record(Winner winner, Map<String, byte[]> classBytes) {
        return record(winner, classBytes, null);
    }

    /**
     * Stores the winner's class bytes, then its record with its timing evidence; returns once both are durable.
     *
     * @param evidence the rounds, rank test and speed-up interval behind the winner; null when unknown
     * @see #record(Winner, Map)
     */
    public Winner record(Winner winner, Map<String, byte[]> classBytes, WinnerEvidence evidence) {
        Objects.requireNonNull(winner, "winner must not be null");
        Objects.requireNonNull(classBytes, "classBytes must not be null");
        if (!classBytes.keySet().equals(winner.classSha256().keySet())) {
            throw new IllegalArgumentException("classBytes must hold exactly the winner's classes "
                    + new TreeMap<>(winner.classSha256()).keySet() + ", was " + new TreeMap<>(classBytes).keySet());
        }
        for (Map.Entry<String, byte[]> e : classBytes.entrySet()) {
            String actual = GenomeChecksum.sha256(e.getValue());
            if (!actual.equals(winner.classSha256().get(e.getKey()))) {
                throw new IllegalArgumentException("the bytes of " + e.getKey() + " hash to " + actual
                        + " but the winner says " + winner.classSha256().get(e.getKey()));
            }
        }
        requireStorable(winner);
        synchronized (journal) {
            // Bytes first: a record must never refer to bytes that a crash could have lost.
            classBytes.values().forEach(journal.classes()::put);
            return append(winner, evidence);
        }
    }

    /**
     * Records that a winner was swapped in ({@code true}) or out again ({@code false}).
     *
     * @return the winner with the new flag; never null
     * @throws IllegalArgumentException when no winner with that id was recorded
     */
    public Winner markApplied(String candidateId, boolean applied) {
        synchronized (journal) {
            Winner w = winners.get(candidateId);
            if (w == null) {
                throw new IllegalArgumentException("no winner " + candidateId + " was recorded; record it first");
            }
            return append(w.withApplied(applied), evidence.get(candidateId));
        }
    }

    /** Returns the latest state of every winner, in the order they were first recorded. */
    public List<Winner> winners() {
        synchronized (journal) {
            return List.copyOf(winners.values());
        }
    }

    /** Returns the winners whose latest state is applied: what should be live after a restart. */
    public List<Winner> applied() {
        synchronized (journal) {
            return winners.values().stream().filter(Winner::applied).toList();
        }
    }

    /** Returns the latest state of one winner. */
    public Optional<Winner> winner(String candidateId) {
        synchronized (journal) {
            return Optional.ofNullable(winners.get(candidateId));
        }
    }

    /** Returns the timing evidence journaled with a winner; empty for winners recorded without it. */
    public Optional<WinnerEvidence> evidence(String candidateId) {
        synchronized (journal) {
            return Optional.ofNullable(evidence.get(candidateId));
        }
    }

    /**
     * Reads a winner's stored class bytes back, each verified against its SHA-256.
     *
     * @return the bytes by binary class name; never null
     * @throws IllegalArgumentException when no winner with that id was recorded
     * @throws DataDirectoryException   naming the file when stored bytes are missing or do not match their hash
     */
    public Map<String, byte[]> classBytes(String candidateId) {
        Winner w = winner(candidateId).orElseThrow(() -> new IllegalArgumentException(
                "no winner " + candidateId + " was recorded"));
        Map<String, byte[]> bytes = new TreeMap<>();
        w.classSha256().forEach((name, sha) -> bytes.put(name, journal.classes().get(sha)));
        return bytes;
    }

    /** Rebuilds the view from one journal record at open. */
    void replay(JournalRecord r) {
        apply(r);
    }

    private Winner append(Winner w, WinnerEvidence e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("candidate", w.candidateId());
        fields.put("operator", w.operator());
        fields.put("region", w.regionId());
        fields.put("speedup", w.speedup());
        fields.put("winFraction", w.mutantWinFraction());
        fields.put("originalMedianNanos", w.originalMedianNanos());
        fields.put("mutantMedianNanos", w.mutantMedianNanos());
        fields.put("applied", w.applied());
        fields.put("classes", new TreeMap<>(w.classSha256()));
        fields.put("diff", w.diff());
        if (e != null) {
            // Additive members: readers that predate them ignore them, so the record format stays 1.
            fields.put("rounds", (long) e.rounds());
            fields.put("pValue", e.pValue());
            fields.put("a12", e.a12());
            fields.put("speedupLow", e.speedupLow());
            fields.put("speedupHigh", e.speedupHigh());
        }
        return apply(journal.append(TYPE, fields));
    }

    private Winner apply(JournalRecord r) {
        Winner w = new Winner(r.string("candidate"), r.string("operator"), r.string("region"), r.string("diff"),
                r.doubleValue("speedup"), r.doubleValue("winFraction"), r.doubleValue("originalMedianNanos"),
                r.doubleValue("mutantMedianNanos"), r.stringMap("classes"), r.booleanValue("applied"));
        // Re-inserting keeps the first-recorded order, while the value is the latest state.
        winners.put(w.candidateId(), w);
        if (r.fields().containsKey("rounds")) {
            evidence.put(w.candidateId(), new WinnerEvidence((int) r.longValue("rounds"), r.doubleValue("pValue"),
                    r.doubleValue("a12"), r.doubleValue("speedupLow"), r.doubleValue("speedupHigh")));
        }
        return w;
    }

    private static void requireStorable(Winner w) {
        double[] numbers = {w.speedup(), w.mutantWinFraction(), w.originalMedianNanos(), w.mutantMedianNanos()};
        for (double d : numbers) {
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("a winner's numbers must be finite or NaN, was " + d + " in " + w);
            }
        }
        w.classSha256().values().forEach(sha -> {
            if (sha == null || !sha.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("class hashes must be 64 lower-case hex digits, was " + sha);
            }
        });
    }
}
