package dev.ouroboros.patcher;

/**
 * Thrown when the patcher refuses or cannot perform a swap or a rollback; every class is then left as
 * it was.
 *
 * <p>The message names the class, the member and the rule that was broken, and says what to do.
 */
public class PatchRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the class, member and rule. */
    public PatchRejectedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the JVM's own failure as its cause. */
    public PatchRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
