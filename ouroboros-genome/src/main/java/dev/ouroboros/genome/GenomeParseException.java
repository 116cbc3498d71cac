package dev.ouroboros.genome;

/** Thrown when a source file cannot be parsed; the message names the file and the first problem. */
public class GenomeParseException extends OuroborosException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the file, the position and the parser's complaint. */
    public GenomeParseException(String message) {
        super(message);
    }
}
