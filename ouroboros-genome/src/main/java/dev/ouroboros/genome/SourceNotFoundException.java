package dev.ouroboros.genome;

/**
 * Thrown when a source root is missing or a class has no source file under any root.
 *
 * <p>Ouroboros only mutates code whose source it can read, so this is the error a user sees when
 * the agent's {@code source=} option points at the wrong directory.
 */
public class SourceNotFoundException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the missing path or class and what to do. */
    public SourceNotFoundException(String message) {
        super(message);
    }
}
