package dev.ouroboros.arena;

import dev.ouroboros.genome.OuroborosException;

/**
 * Thrown when the sandbox itself cannot work: a worker JVM that cannot be started, or a work
 * directory that cannot be written. A misbehaving candidate never causes it; that is a
 * {@link SandboxVerdict}.
 */
public class SandboxException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the problem and the remedy. */
    public SandboxException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the problem and the remedy, keeping its cause. */
    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
