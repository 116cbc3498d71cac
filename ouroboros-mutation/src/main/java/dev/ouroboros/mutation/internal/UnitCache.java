package dev.ouroboros.mutation.internal;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.ouroboros.genome.GenomeChecksum;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded, least-recently-used cache of compilation-unit parses keyed by file, language level
 * and the SHA-256 of the exact text: the mutator's answer to "every call parses the whole file".
 *
 * <p>A key names one exact text, so a hit can never be stale: when the file changes, its checksum
 * changes and the next call parses afresh (the old entry ages out). Callers that edit an entry's
 * unit temporarily (the member splice swaps a member in and out) hold the entry's lock for the
 * whole time, so one entry is used by one thread at a time; different files proceed in parallel.
 */
public final class UnitCache {

    private final int capacity;
    private final Map<Key, Entry> entries;
    private final AtomicLong parses = new AtomicLong();

    /** Creates a cache holding at most {@code capacity} parses; zero disables caching. */
    public UnitCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > UnitCache.this.capacity;
            }
        };
    }

    /**
     * Returns the cached parse of {@code text}, or parses it with {@code parse} and keeps the result.
     * The entry's unit must be restored to its parsed state before its lock is released.
     */
    public Entry get(Path file, String text, ParserConfiguration configuration, Supplier<CompilationUnit> parse) {
        Key key = new Key(file, configuration.getLanguageLevel(), GenomeChecksum.sha256(text), text.length());
        synchronized (entries) {
            Entry hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        // Parse outside the map's lock: a big file takes long and other files need not wait.
        parses.incrementAndGet();
        Entry fresh = new Entry(parse.get());
        synchronized (entries) {
            Entry raced = entries.putIfAbsent(key, fresh);
            return raced != null ? raced : fresh;
        }
    }

    /** Returns the most parses this cache holds. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many whole-unit parses this cache has made (misses), for tests and benchmarks. */
    public long parses() {
        return parses.get();
    }

    /** Returns the number of parses held now; never more than the capacity. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Key(Path file, ParserConfiguration.LanguageLevel level, String sha256, int length) {
    }

    /** One cached parse; synchronize on the entry while using its unit. */
    public static final class Entry {

        private final CompilationUnit unit;
        private LineIndex lines;

        Entry(CompilationUnit unit) {
            this.unit = unit;
        }

        /** Returns the line starts of the text this entry parsed, indexed on first use; hold the entry's lock. */
        public LineIndex lines(String text) {
            if (lines == null) {
                lines = LineIndex.of(text);
            }
            return lines;
        }

        /** Returns the parse, with tokens; shared, so restore any temporary edit before unlocking. */
        public CompilationUnit unit() {
            return unit;
        }
    }
}
