package dev.ouroboros.core;

import dev.ouroboros.genome.OuroborosException;

/** Thrown for a configuration Ouroboros cannot run with; the message names the option and the fix. */
public class InvalidConfigurationException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the option, the bad value and what to do. */
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
