package dev.ouroboros.patcher;

import dev.ouroboros.patcher.internal.PayloadDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a live class's code, as kept by the {@link VersionRegistry}.
 *
 * @param className the binary class name, for example {@code com.example.Prices}, never blank
 * @param number 0 for the bytes the JVM ran before Ouroboros touched the class, then 1, 2, ...
 * @param sha256 the SHA-256 of the version's class file, 64 lower-case hex digits
 * @param createdAt when the version was captured or applied, never null
 * @param reason why the version exists, never blank
 */
public record CodeVersion(String className, int number, String sha256, Instant createdAt, String reason) {

    /** Validates the version. */
    public CodeVersion {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("className must not be blank, was '" + className + "'");
        }
        if (number < 0) {
            throw new IllegalArgumentException("number must not be negative, was " + number);
        }
        if (!PayloadDigest.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
        }
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was '" + reason + "'");
        }
    }

    /** Tells whether this is the code the JVM ran before Ouroboros touched the class. */
    public boolean isOriginal() {
        return number == 0;
    }
}
