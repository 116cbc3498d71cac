package dev.ouroboros.genome;

/** What kind of member body a {@link GenomeRegion} covers. */
public enum RegionKind {
    /** The body of a method. */
    METHOD,
    /** The body of a constructor. */
    CONSTRUCTOR,
    /** A static initializer block. */
    STATIC_INITIALIZER,
    /** An instance initializer block. */
    INSTANCE_INITIALIZER
}
