package dev.ouroboros.mutation;

/** How behaviour tests describe a thrown exception, so that two versions can be compared. */
final class Outcome {

    private Outcome() {
    }

    /**
     * Returns the exception's class and message. A NullPointerException keeps only its class: its
     * helpful message names local variable slots, which a rewrite may renumber.
     */
    static String thrown(Throwable t) {
        return t instanceof NullPointerException
                ? "threw " + t.getClass().getName()
                : "threw " + t.getClass().getName() + ": " + t.getMessage();
    }
}
