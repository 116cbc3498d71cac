package dev.ouroboros.core.internal.cli;

/** Bad command-line input: printed with the usage line, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
