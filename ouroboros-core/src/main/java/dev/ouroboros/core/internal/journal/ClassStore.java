package dev.ouroboros.core.internal.journal;

import dev.ouroboros.core.DataDirectoryException;
import dev.ouroboros.genome.GenomeChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed class bytes: {@code classes/<sha256>.class}, written atomically before any journal
 * record refers to them, and verified against their name every time they are read back.
 */
public final class ClassStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    ClassStore(Path dir) {
        this.dir = dir;
    }

    /** Returns the directory holding the class files; it may not exist before the first {@link #put}. */
    public Path directory() {
        return dir;
    }

    /**
     * Stores the bytes durably (temp file, fsync, atomic rename, fsync of the directory) and returns their SHA-256.
     * Storing the same bytes twice is a no-op; a stored file whose content does not match its name is replaced.
     *
     * @return the SHA-256 of the bytes as 64 lower-case hex digits
     * @throws DataDirectoryException when the file cannot be written durably
     */
    public String put(byte[] bytes) {
        String sha = GenomeChecksum.sha256(bytes);
        Path file = fileFor(sha);
        try {
            if (Files.isRegularFile(file) && sha.equals(GenomeChecksum.sha256(Files.readAllBytes(file)))) {
                return sha;
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                DurableFiles.syncDirectory(dir.getParent());
            }
            DurableFiles.writeAtomically(file, bytes);
            return sha;
        } catch (IOException e) {
            throw new DataDirectoryException(file, "cannot store class bytes durably: " + e, e);
        }
    }

    /**
     * Reads the bytes stored under the hash and verifies them.
     *
     * @return the bytes, whose SHA-256 is {@code sha256}; never null
     * @throws DataDirectoryException naming the file when it is missing or its bytes hash to something else
     */
    public byte[] get(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
        }
        Path file = fileFor(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataDirectoryException(file, "stored class bytes are missing; the winner that refers to them "
                    + "cannot be re-applied (restore the file from a backup or let the engine evolve it again)", e);
        } catch (IOException e) {
            throw new DataDirectoryException(file, "cannot read stored class bytes: " + e, e);
        }
        String actual = GenomeChecksum.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new DataDirectoryException(file, "stored class bytes are corrupt: their SHA-256 is " + actual
                    + " but the file name and the journal say " + sha256 + "; they will not be applied");
        }
        return bytes;
    }

    /** Deletes temporary files a crash left behind; they were never referred to by the journal. */
    void removeTemporaries() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (DurableFiles.isTemporary(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private Path fileFor(String sha) {
        return dir.resolve(sha + ".class");
    }
}
