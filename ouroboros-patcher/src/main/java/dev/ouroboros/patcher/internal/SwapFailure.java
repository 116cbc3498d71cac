package dev.ouroboros.patcher.internal;

/**
 * Why {@link AtomicSwap} did not swap: a payload failed its digest check or the JVM refused the
 * redefinition. No class was changed.
 */
public final class SwapFailure extends Exception {

    private static final long serialVersionUID = 1L;

    SwapFailure(String message) {
        super(message);
    }

    SwapFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
