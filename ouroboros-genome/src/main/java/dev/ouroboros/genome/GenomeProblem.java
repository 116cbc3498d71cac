package dev.ouroboros.genome;

import java.util.Objects;

/**
 * Something in the program's input that the genome could not use, reported instead of thrown.
 *
 * <p>A file that does not parse, a file or directory that cannot be read, a class path jar that
 * is missing: each is recorded once with where it is and what to do, and the rest of the genome
 * loads without it.
 *
 * @param kind    what went wrong
 * @param where   the file, directory or jar concerned, never blank
 * @param line    1-based line of the problem, 0 when it has no position
 * @param column  1-based column of the problem, 0 when it has no position
 * @param message what is wrong and what to do about it, never blank
 */
public record GenomeProblem(Kind kind, String where, int line, int column, String message) {

    /** What went wrong. */
    public enum Kind {
        /** A source file that JavaParser rejects; it is skipped. */
        UNPARSEABLE_FILE,
        /** A source file or directory under a root that cannot be read; it is skipped. */
        UNREADABLE_PATH,
        /** A class path entry that does not exist or is not a readable jar; resolution goes on without it. */
        MISSING_JAR
    }

    /** Validates the problem. */
    public GenomeProblem {
        Objects.requireNonNull(kind, "kind must not be null");
        if (where == null || where.isBlank()) {
            throw new IllegalArgumentException("where must not be blank, was " + where);
        }
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative, were " + line + ":" + column);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank, was " + message);
        }
    }

    /** Returns {@code where:line:column: message}, the position left out when there is none. */
    @Override
    public String toString() {
        return line > 0 ? where + ":" + line + ":" + column + ": " + message : where + ": " + message;
    }
}
