package dev.ouroboros.patcher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every rollback a {@link LivePatcher} performed, oldest first. Thread-safe.
 */
public final class RollbackLog {

    private final List<RollbackEntry> entries = new CopyOnWriteArrayList<>();

    RollbackLog() {
    }

    /** Returns a snapshot of the entries, oldest first. */
    public List<RollbackEntry> entries() {
        return List.copyOf(entries);
    }

    void append(RollbackEntry entry) {
        entries.add(entry);
    }
}
