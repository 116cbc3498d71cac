package dev.ouroboros.core.internal.journal;

import dev.ouroboros.core.DataDirectoryException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of a data directory: one JSON object per line in {@code journal.jsonl}.
 *
 * <p>Every line carries the format version {@code v}, the sequence number {@code seq}, the record
 * {@code type}, the {@code time} and, last, {@code crc}: the CRC32C (8 lower-case hex digits) of the
 * line's UTF-8 bytes without the {@code ,"crc":"…"} member. {@link #append} returns only after the line
 * and its newline were forced to the device: that is what "acknowledged" means.
 *
 * <p>{@link #open} refuses a foreign directory, a newer format and a corrupt record that is followed
 * by other data; it truncates a torn tail (an incomplete last line, or a last line whose checksum
 * fails) and reports it in {@link #repairs()}. One engine at a time: the file is locked while open.
 */
public final class Journal implements Closeable {

    /** The format this code writes and the newest it reads. */
    public static final int FORMAT = 1;
    /** The file that marks a directory as an Ouroboros data directory. */
    public static final String MARKER = "ouroboros-data.properties";
    /** The journal file. */
    public static final String FILE = "journal.jsonl";
    /** The directory of content-addressed class bytes. */
    public static final String CLASSES = "classes";

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final Set<String> ENVELOPE = Set.of("v", "seq", "type", "time", "crc");

    private final Path directory;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Clock clock;
    private final ClassStore classes;
    private final List<JournalRecord> replayed;
    private final List<String> repairs;
    private long lastSequence;
    private long lines;
    private boolean broken;
    private boolean closed;
    private final boolean readOnly;

    private Journal(Path directory, FileChannel channel, FileLock lock, Clock clock, JournalReader.Result read,
            List<String> repairs) {
        this.readOnly = channel == null;
        this.directory = directory;
        this.file = directory.resolve(FILE);
        this.channel = channel;
        this.lock = lock;
        this.clock = clock;
        this.classes = new ClassStore(directory.resolve(CLASSES));
        this.replayed = List.copyOf(read.records());
        this.repairs = List.copyOf(repairs);
        this.lastSequence = replayed.isEmpty() ? 0 : replayed.get(replayed.size() - 1).sequence();
        this.lines = replayed.size();
    }

    /**
     * Opens (or creates) the data directory and reads its journal.
     *
     * @param directory the data directory; created with its marker file when missing or empty
     * @param clock     the clock that stamps appended records
     * @return the open journal, holding the directory's lock; never null
     * @throws DataDirectoryException naming the path (and line and sequence) when the directory is foreign,
     *         newer, corrupt in the middle, locked by another engine, or unreadable
     */
    public static Journal open(Path directory, Clock clock) {
        Objects.requireNonNull(directory, "directory must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            prepareDirectory(dir);
            boolean created = !Files.exists(file);
            if (created) {
                refuseOrphanedClasses(dir);
            }
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            if (created) {
                DurableFiles.syncDirectory(dir);
            }
            FileLock lock = lock(channel, file);
            byte[] bytes = readAll(channel);
            JournalReader.Result read = JournalReader.read(file, bytes, FORMAT);
            List<String> repairs = new ArrayList<>();
            if (read.validLength() < bytes.length) {
                String note = "dropped a torn tail of " + (bytes.length - read.validLength()) + " bytes at line "
                        + (read.records().size() + 1) + " of " + file + " (" + read.tailProblem()
                        + "); it was never acknowledged";
                LOG.warn(note);
                repairs.add(note);
                channel.truncate(read.validLength());
                channel.force(true);
            }
            channel.position(read.validLength());
            Journal journal = new Journal(dir, channel, lock, clock, read, repairs);
            journal.classes.removeTemporaries();
            return journal;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirectoryException(dir, "cannot open the data directory: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Reads the journal of an existing data directory as it is now, without its lock and without changing
     * anything, so that a directory a running engine holds can be looked at. An incomplete last line (a
     * record being written right now, or a torn tail a crash left) is left alone and reported in
     * {@link #repairs()}; {@link #append} refuses.
     *
     * @throws DataDirectoryException naming the path when the directory is missing, foreign, newer, corrupt
     *         in the middle, or unreadable
     */
    public static Journal readSnapshot(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE);
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new DataDirectoryException(dir, "is not an Ouroboros data directory (no " + MARKER
                    + "); pass the directory an engine writes to");
        }
        try {
            prepareDirectory(dir);
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            JournalReader.Result read = JournalReader.read(file, bytes, FORMAT);
            List<String> notes = new ArrayList<>();
            if (read.validLength() < bytes.length) {
                notes.add("left out an incomplete last line of " + (bytes.length - read.validLength()) + " bytes at line "
                        + (read.records().size() + 1) + " of " + file + " (" + read.tailProblem()
                        + "): a running engine may be writing it, or a crash left it; nothing was changed");
            }
            return new Journal(dir, null, null, Clock.systemUTC(), read, notes);
        } catch (IOException e) {
            throw new DataDirectoryException(dir, "cannot read the data directory: " + e, e);
        }
    }

    /** Tells whether this is a {@link #readSnapshot read-only snapshot}. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Returns the data directory, absolute. */
    public Path directory() {
        return directory;
    }

    /** Returns the journal file. */
    public Path file() {
        return file;
    }

    /** Returns the store of class bytes in this directory. */
    public ClassStore classes() {
        return classes;
    }

    /** Returns the records that were in the journal when it was opened, oldest first. */
    public List<JournalRecord> replayed() {
        return replayed;
    }

    /** Returns what {@link #open} repaired (a dropped torn tail), one line each; empty when nothing was. */
    public List<String> repairs() {
        return repairs;
    }

    /**
     * Appends one record and returns once it is durable (written and forced, with its newline).
     *
     * @param type   the record type, e.g. {@code candidate}
     * @param fields the record's members, in the order they are written; values as {@link Json} accepts them
     * @return the record as it will be replayed; never null
     * @throws DataDirectoryException when the record could not be made durable; the journal is then
     *         truncated back to its last acknowledged record, or refuses further appends if it cannot be
     */
    public synchronized JournalRecord append(String type, Map<String, ?> fields) {
        Objects.requireNonNull(type, "type must not be null");
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
        if (readOnly) {
            throw new DataDirectoryException(file, "was opened as a read-only snapshot; nothing can be written"
                    + " through it — open the data directory with EngineState.open to change it");
        }
        if (broken) {
            throw new DataDirectoryException(file, "an earlier append failed and could not be undone; "
                    + "reopen the data directory to drop the torn tail");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        long sequence = lastSequence + 1;
        Instant time = clock.instant();
        line.put("v", (long) FORMAT);
        line.put("seq", sequence);
        line.put("type", type);
        line.put("time", time.toString());
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (ENVELOPE.contains(e.getKey())) {
                throw new IllegalArgumentException("field name '" + e.getKey() + "' is reserved for the envelope");
            }
            line.put(e.getKey(), e.getValue());
        }
        byte[] bytes = JournalReader.seal(Json.write(line));
        long before;
        try {
            before = channel.size();
        } catch (IOException e) {
            throw new DataDirectoryException(file, "cannot append: " + e, e);
        }
        try {
            channel.position(before);
            DurableFiles.writeFully(channel, ByteBuffer.wrap(bytes));
            channel.force(true);
        } catch (IOException e) {
            undo(before);
            throw new DataDirectoryException(file, "record " + sequence + " was not made durable: " + e, e);
        }
        lastSequence = sequence;
        lines++;
        line.keySet().removeAll(ENVELOPE);
        return new JournalRecord(FORMAT, sequence, type, time, line, lines);
    }

    /** Returns the sequence number of the last acknowledged record; 0 when the journal is empty. */
    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** Releases the lock and closes the file; every acknowledged record is already durable. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (readOnly) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("cannot release the lock of {}: {}", file, e.toString());
        }
        closeQuietly(channel);
    }

    private void undo(long size) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException e) {
            broken = true;
            LOG.error("cannot truncate {} back to {} bytes after a failed append; it refuses further appends", file, size, e);
        }
    }

    private static void prepareDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataDirectoryException(dir, "is a file, not a data directory; choose a directory for the data");
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            List<Path> present = new ArrayList<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    entries.filter(p -> !DurableFiles.isTemporary(p)).sorted().forEach(present::add);
                }
            }
            if (!present.isEmpty()) {
                throw new DataDirectoryException(dir, "is not an Ouroboros data directory: it holds " + present.size()
                        + " entries (e.g. " + present.get(0).getFileName() + ") but no " + MARKER
                        + "; Ouroboros never writes into a foreign directory — choose an empty or new directory");
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Path parent = dir.getParent();
                if (parent != null) {
                    DurableFiles.syncDirectory(parent);
                }
            }
            String text = "# Ouroboros data directory: journal.jsonl (JSON Lines), classes/<sha256>.class. "
                    + "See docs/durability.md.\nformat=" + FORMAT + "\n";
            DurableFiles.writeAtomically(marker, text.getBytes(StandardCharsets.UTF_8));
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
        String format = p.getProperty("format");
        int version;
        try {
            version = Integer.parseInt(String.valueOf(format).trim());
        } catch (NumberFormatException e) {
            throw new DataDirectoryException(marker, "format must be a whole number, was " + format
                    + "; this is not a marker Ouroboros wrote");
        }
        if (version > FORMAT) {
            throw new DataDirectoryException(marker, "was written by a newer Ouroboros (format=" + version
                    + ", this version reads up to format=" + FORMAT + "); upgrade Ouroboros or use another directory");
        }
        if (version < 1) {
            throw new DataDirectoryException(marker, "format must be at least 1, was " + version);
        }
    }

    /** Class files are only ever written after the journal exists, so class files without a journal mean it was lost. */
    private static void refuseOrphanedClasses(Path dir) throws IOException {
        Path classes = dir.resolve(CLASSES);
        if (!Files.isDirectory(classes)) {
            return;
        }
        try (Stream<Path> files = Files.list(classes)) {
            long stored = files.filter(p -> !DurableFiles.isTemporary(p)).count();
            if (stored > 0) {
                throw new DataDirectoryException(dir.resolve(FILE), "is missing although " + classes + " holds " + stored
                        + " stored classes; the journal was deleted or lost — restore it from a backup or move the "
                        + "directory aside rather than start an empty history over it");
            }
        }
    }

    private static FileLock lock(FileChannel channel, Path file) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryException(file, "is in use by another engine (locked); "
                    + "give each engine its own data directory");
        }
        return lock;
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, channel.size()));
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        channel.position(0);
        while (channel.read(buffer) > 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toByteArray();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed", channel, e);
            }
        }
    }
}
