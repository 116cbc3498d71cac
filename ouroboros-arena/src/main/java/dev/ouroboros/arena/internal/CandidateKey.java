package dev.ouroboros.arena.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result cache's key of a candidate: a SHA-256 over its original and mutant class bytes (in
 * binary-name order), its test class names and its round counts — everything that decides its
 * verdict. The candidate id is left out, so the same bytes under another id hit the cache.
 */
public final class CandidateKey {

    private CandidateKey() {
    }

    /** 64 lower-case hex digits. */
    public static String of(Map<String, byte[]> original, Map<String, byte[]> mutant, List<String> testClassNames,
            int warmupRounds, int measuredRounds) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        classes(sha, "original", original);
        classes(sha, "mutant", mutant);
        text(sha, "tests");
        testClassNames.forEach(t -> text(sha, t));
        text(sha, "rounds " + warmupRounds + " " + measuredRounds);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void classes(MessageDigest sha, String side, Map<String, byte[]> classes) {
        text(sha, side);
        for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
            text(sha, e.getKey());
            byte[] bytes = e.getValue();
            text(sha, Integer.toString(bytes.length));
            sha.update(bytes);
        }
    }

    private static void text(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }
}
