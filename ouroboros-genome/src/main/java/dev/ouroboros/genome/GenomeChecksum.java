package dev.ouroboros.genome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 checksums of source files, regions and class bytes, as lower-case hex.
 *
 * <p>Checksums detect change (a file is re-parsed only when its checksum moved) and verify
 * integrity (stored bytes are hashed again before they are ever applied).
 */
public final class GenomeChecksum {

    private GenomeChecksum() {
    }

    /** Returns the SHA-256 of the given bytes as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Returns the SHA-256 of the UTF-8 encoding of the given text. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
