package dev.ouroboros.patcher.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Digests of class-file payloads: SHA-256 to identify a version, CRC32 as a cheap second check that the
 * bytes handed to the JVM are the bytes that were checked.
 */
public final class PayloadDigest {

    private PayloadDigest() {
    }

    /** Returns the SHA-256 of the bytes as 64 lower-case hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Returns the CRC32 of the bytes, between 0 and 2^32 - 1. */
    public static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Tells whether the text is a SHA-256 in the form {@link #sha256} produces. */
    public static boolean isSha256Hex(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }
}
