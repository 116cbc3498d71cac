package dev.ouroboros.genome;

import java.util.Objects;
import java.util.Optional;

/**
 * One hot method as the JFR execution samples saw it, attributed to the first frame that has source.
 *
 * @param className  binary name of the class that declares the method
 * @param methodName the method name
 * @param descriptor the JVM method descriptor, e.g. {@code (Ljava/util/List;)Ljava/lang/String;}
 * @param samples    how many execution samples were attributed to this method
 * @param score      the time-decayed sample count used for ranking (higher is hotter)
 * @param region     the genome region of the method, when the genome maps it
 */
public record Hotspot(String className, String methodName, String descriptor, long samples, double score,
        Optional<GenomeRegion> region) {

    /** Validates the hotspot. */
    public Hotspot {
        Objects.requireNonNull(className, "className must not be null");
        Objects.requireNonNull(methodName, "methodName must not be null");
        Objects.requireNonNull(descriptor, "descriptor must not be null");
        Objects.requireNonNull(region, "region must not be null");
        if (samples < 0) {
            throw new IllegalArgumentException("samples must not be negative, was " + samples);
        }
    }

    /** Returns {@code pkg.Class#method} for messages. */
    public String displayName() {
        return className + "#" + methodName;
    }
}
