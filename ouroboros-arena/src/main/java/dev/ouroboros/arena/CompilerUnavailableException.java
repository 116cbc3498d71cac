package dev.ouroboros.arena;

import dev.ouroboros.genome.OuroborosException;

/**
 * Thrown when the running Java has no system compiler, that is when Ouroboros runs on a JRE or a
 * jlinked runtime without the {@code jdk.compiler} module. Mutants cannot be compiled there; the
 * remedy is to run the program on a full JDK.
 */
public class CompilerUnavailableException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a runtime whose home is {@code javaHome}. */
    public CompilerUnavailableException(String javaHome) {
        super("no Java compiler in this runtime (java.home=" + javaHome
                + "): run Ouroboros on a JDK, not a JRE");
    }
}
