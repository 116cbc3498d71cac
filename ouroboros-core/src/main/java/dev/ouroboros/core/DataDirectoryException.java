package dev.ouroboros.core;

import dev.ouroboros.genome.OuroborosException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when the engine's data directory cannot be used as it is: a foreign directory, a format newer
 * than this code, a corrupt record in the middle of the journal, stored class bytes whose hash does not
 * match, or an I/O failure at a commit point.
 *
 * <p>Ouroboros never repairs such a directory by overwriting it; the message names the path (and the
 * journal line and sequence number when a record failed) and what to do.
 */
public class DataDirectoryException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** Creates the exception for the given file or directory; the message names the problem and the remedy. */
    public DataDirectoryException(Path path, String message) {
        super(path + ": " + message);
        this.path = Objects.requireNonNull(path, "path must not be null");
    }

    /** Creates the exception for the given file or directory, keeping the I/O cause. */
    public DataDirectoryException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = Objects.requireNonNull(path, "path must not be null");
    }

    /** Returns the file or directory that failed; never null. */
    public Path path() {
        return path;
    }
}
