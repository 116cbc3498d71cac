package dev.ouroboros.genome;

/**
 * The one unchecked root of every error Ouroboros reports about its input or its work.
 *
 * <p>It lives in the genome module because every module that reasons about source code sits on
 * top of the genome; the two modules that stand alone ({@code ouroboros-patcher} and
 * {@code ouroboros-dream}) keep their own exceptions, which the engine wraps into this one at its
 * API edge. Messages name the thing that is wrong and say what to do about it.
 */
public class OuroborosException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the problem and the remedy. */
    public OuroborosException(String message) {
        super(message);
    }

    /** Creates an exception whose message names the problem and the remedy, keeping its cause. */
    public OuroborosException(String message, Throwable cause) {
        super(message, cause);
    }
}
