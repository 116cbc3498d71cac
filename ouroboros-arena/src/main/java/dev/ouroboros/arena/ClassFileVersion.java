package dev.ouroboros.arena;

/**
 * Reads the class-file version of compiled bytes, so that a mutant is compiled with the same
 * {@code --release} as the class the JVM has loaded (a class compiled for Java 11 stays a Java 11
 * class after a hot swap).
 */
public final class ClassFileVersion {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileVersion() {
    }

    /**
     * Maps the major version in {@code classBytes} to the matching {@code --release} value:
     * 52 -> 8, 55 -> 11, 61 -> 17, 65 -> 21.
     *
     * @param classBytes the bytes of a class file; at least its 8-byte header
     * @return the Java release the class was compiled for (1 to 4 stand for Java 1.1 to 1.4)
     * @throws IllegalArgumentException when the bytes are not a class file
     */
    public static int releaseOf(byte[] classBytes) {
        if (classBytes == null || classBytes.length < 8) {
            throw new IllegalArgumentException("a class file has at least 8 header bytes, had "
                    + (classBytes == null ? "null" : classBytes.length + " bytes"));
        }
        int magic = (classBytes[0] & 0xFF) << 24 | (classBytes[1] & 0xFF) << 16
                | (classBytes[2] & 0xFF) << 8 | classBytes[3] & 0xFF;
        if (magic != MAGIC) {
            throw new IllegalArgumentException(
                    "a class file starts with 0xCAFEBABE, these bytes start with 0x" + Integer.toHexString(magic).toUpperCase());
        }
        int major = (classBytes[6] & 0xFF) << 8 | classBytes[7] & 0xFF;
        if (major < 45) {
            throw new IllegalArgumentException("class-file major version must be at least 45, was " + major);
        }
        return major - 44;
    }
}
