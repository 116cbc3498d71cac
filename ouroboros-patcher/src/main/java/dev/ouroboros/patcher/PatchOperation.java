package dev.ouroboros.patcher;

import dev.ouroboros.patcher.internal.PayloadDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * One class to swap: the loaded class and the complete class file that replaces its code.
 *
 * <p>The bytes are copied on the way in and on the way out, so the payload cannot change after it was
 * checked. A class present in several class loaders needs one operation per loaded copy.
 *
 * @param target the loaded class to redefine, never null
 * @param newBytes the replacement class file, never empty
 * @param reason why this swap is made (for example the winning mutant's id), never blank
 */
public record PatchOperation(Class<?> target, byte[] newBytes, String reason) {

    /** Validates the operation and copies the bytes. */
    public PatchOperation {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(newBytes, "bytes must not be null");
        if (newBytes.length == 0) {
            throw new IllegalArgumentException("bytes must not be empty, target was " + target.getName());
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was '" + reason + "'");
        }
        newBytes = newBytes.clone();
    }

    /**
     * Creates an operation whose bytes must hash to a SHA-256 recorded earlier (for example in a journal).
     *
     * @throws PatchRejectedException when the bytes do not hash to {@code expectedSha256}
     */
    public static PatchOperation verified(Class<?> target, byte[] newBytes, String expectedSha256, String reason) {
        PatchOperation operation = new PatchOperation(target, newBytes, reason);
        if (!operation.sha256().equalsIgnoreCase(String.valueOf(expectedSha256))) {
            throw new PatchRejectedException("payload for " + target.getName() + " hashes to " + operation.sha256()
                    + " but " + expectedSha256 + " was expected; the stored bytes are corrupt or stale - produce"
                    + " the class file again");
        }
        return operation;
    }

    /** Returns a copy of the replacement class file. */
    @Override
    public byte[] newBytes() {
        return newBytes.clone();
    }

    /** Returns the SHA-256 of the replacement class file as 64 lower-case hex digits. */
    public String sha256() {
        return PayloadDigest.sha256(newBytes);
    }

    /** Returns the CRC32 of the replacement class file. */
    public long crc32() {
        return PayloadDigest.crc32(newBytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatchOperation that && target == that.target
                && Arrays.equals(newBytes, that.newBytes) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, Arrays.hashCode(newBytes), reason);
    }

    @Override
    public String toString() {
        return "PatchOperation[target=" + target.getName() + ", bytes=" + newBytes.length + ", sha256="
                + sha256() + ", reason=" + reason + "]";
    }
}
