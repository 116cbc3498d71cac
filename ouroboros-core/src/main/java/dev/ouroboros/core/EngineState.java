package dev.ouroboros.core;

import dev.ouroboros.core.internal.journal.Journal;
import dev.ouroboros.core.internal.journal.JournalRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The engine's durable state in one data directory (default {@code .ouroboros/} beside the program):
 * the {@link MutationHistory}, the {@link WinnerRegistry} and the {@link EvolutionStatistics} derived
 * from them, all rebuilt by replaying one append-only journal.
 *
 * <p>{@link #open(Path)} creates the directory when it is missing or empty, drops a torn tail left by a
 * crash (see {@link #repairs()}) and refuses — with the path, line and sequence — a foreign directory, a
 * newer format or damage in the middle of the journal. Every append returns once it is durable, so a
 * crash (even {@code kill -9}) never loses an acknowledged record. One engine per directory: it is locked
 * while open. {@code docs/durability.md} describes the files.
 */
public final class EngineState implements AutoCloseable {

    /** The default data directory, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".ouroboros");

    private final Journal journal;
    private final MutationHistory history;
    private final WinnerRegistry winners;

    private EngineState(Journal journal) {
        this.journal = journal;
        this.history = new MutationHistory(journal);
        this.winners = new WinnerRegistry(journal);
    }

    /**
     * Opens the data directory and replays its journal.
     *
     * @param directory the data directory, e.g. {@link #DEFAULT_DIRECTORY}
     * @return the state, holding the directory's lock until {@link #close()}; never null
     * @throws DataDirectoryException naming the path (and the journal line and sequence) when the directory
     *         is foreign, newer, corrupt in the middle, locked by another engine or unreadable
     */
    public static EngineState open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    static EngineState open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory must not be null");
        return replayed(Journal.open(directory, clock));
    }

    /**
     * Reads an existing data directory as it is now, without taking its lock and without changing it, so
     * that the state of a directory a running engine holds can be read (the command line's {@code report}
     * and {@code history} do this). The snapshot does not follow later appends; an incomplete last line
     * (a record being written right now) is left out and named in {@link #repairs()}. Anything that would
     * write ({@code transition}, {@code markApplied} ...) is refused with a {@link DataDirectoryException}.
     *
     * @param directory an existing data directory
     * @return the snapshot; {@link #close()} is a no-op for it; never null
     * @throws DataDirectoryException naming the path when the directory is missing, foreign, newer, corrupt
     *         in the middle, or unreadable
     */
    public static EngineState openReadOnly(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        return replayed(Journal.readSnapshot(directory));
    }

    private static EngineState replayed(Journal journal) {
        try {
            EngineState state = new EngineState(journal);
            journal.replayed().forEach(state::replay);
            return state;
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /** Returns the data directory, absolute. */
    public Path directory() {
        return journal.directory();
    }

    /** Returns the history of every candidate. */
    public MutationHistory history() {
        return history;
    }

    /** Returns the registry of winners and their class bytes. */
    public WinnerRegistry winners() {
        return winners;
    }

    /** Returns the per-operator statistics as of now, derived from the history. */
    public EvolutionStatistics statistics() {
        return EvolutionStatistics.of(history.entries());
    }

    /** Returns what opening repaired (a dropped torn tail), one line each; empty when nothing was. */
    public List<String> repairs() {
        return journal.repairs();
    }

    /** Returns the sequence number of the last acknowledged record; 0 when the journal is empty. */
    public long lastSequence() {
        return journal.lastSequence();
    }

    /** Releases the directory's lock; everything acknowledged is already durable. */
    @Override
    public void close() {
        journal.close();
    }

    private void replay(JournalRecord r) {
        try {
            switch (r.type()) {
                case MutationHistory.TYPE -> history.replay(r);
                case WinnerRegistry.TYPE -> winners.replay(r);
                default -> throw new IllegalArgumentException("unknown record type '" + r.type() + "'");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DataDirectoryException(journal.file(), "line " + r.line() + " (sequence " + r.sequence()
                    + ", type " + r.type() + ") cannot be replayed: " + e.getMessage()
                    + "; its checksum is valid, so it was written by other software — move the directory aside", e);
        }
    }
}
