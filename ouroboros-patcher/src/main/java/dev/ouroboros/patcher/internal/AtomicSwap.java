package dev.ouroboros.patcher.internal;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place that calls {@code redefineClasses}: every payload of a bundle goes to the JVM in a
 * single call, which the JVM applies to all classes or to none.
 *
 * <p>Right before the call each payload's CRC32 and SHA-256 are computed again over the very array that
 * the JVM receives and compared with the digests taken when the payload was checked. The pause of the
 * call is measured with {@link System#nanoTime()}. One writer at a time in the whole JVM: callers hold
 * {@link #writerLock()} around capture, check, swap and bookkeeping.
 *
 * <p>It also remembers, per class and for the whole JVM, the SHA-256 of the bytes it last handed to the
 * JVM, so that a patcher can tell that the version it holds as current is what runs without reading the
 * bytes back through a retransformation, which would cost a second safepoint per swap.
 */
public final class AtomicSwap {

    private static final ReentrantLock WRITER = new ReentrantLock();
    /** Guarded by WRITER; weak keys so that a swapped class can still be unloaded. */
    private static final Map<Class<?>, String> INSTALLED = new WeakHashMap<>();

    private AtomicSwap() {
    }

    /**
     * One class to redefine with the digests its bytes must still have.
     *
     * @param target the loaded class
     * @param bytes the class file handed to the JVM (not copied)
     * @param sha256 the SHA-256 taken when the payload was checked
     * @param crc32 the CRC32 taken when the payload was checked
     */
    public record Payload(Class<?> target, byte[] bytes, String sha256, long crc32) {
        /** Validates the payload. */
        public Payload {
            Objects.requireNonNull(target, "target must not be null");
            Objects.requireNonNull(bytes, "bytes must not be null");
            Objects.requireNonNull(sha256, "sha256 must not be null");
        }
    }

    /** Returns the JVM-wide lock that makes the patcher a single writer. */
    public static ReentrantLock writerLock() {
        return WRITER;
    }

    /**
     * Verifies every payload and redefines all classes in one call.
     *
     * @return the pause of the {@code redefineClasses} call in nanoseconds
     * @throws SwapFailure when a digest does not match or the JVM refuses; then no class changed
     */
    public static long swap(Instrumentation inst, List<Payload> payloads) throws SwapFailure {
        if (!WRITER.isHeldByCurrentThread()) {
            throw new IllegalStateException("swap must be called while holding AtomicSwap.writerLock()");
        }
        List<ClassDefinition> definitions = new ArrayList<>(payloads.size());
        List<Class<?>> targets = new ArrayList<>(payloads.size());
        for (Payload payload : payloads) {
            verify(payload);
            definitions.add(new ClassDefinition(payload.target(), payload.bytes()));
            targets.add(payload.target());
        }
        long pause;
        try {
            long start = System.nanoTime();
            inst.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            pause = System.nanoTime() - start;
        } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            throw new SwapFailure("the JVM refused to redefine " + names(targets) + " (" + e
                    + "); no class was changed", e);
        }
        for (Payload payload : payloads) {
            INSTALLED.put(payload.target(), payload.sha256());
        }
        return pause;
    }

    /**
     * Returns the SHA-256 of the bytes this JVM's patchers last swapped into the class, if any swapped it.
     * Must be called while holding {@link #writerLock()}.
     */
    public static Optional<String> lastInstalledSha256(Class<?> target) {
        if (!WRITER.isHeldByCurrentThread()) {
            throw new IllegalStateException("lastInstalledSha256 must be called while holding AtomicSwap.writerLock()");
        }
        return Optional.ofNullable(INSTALLED.get(target));
    }

    private static void verify(Payload payload) throws SwapFailure {
        String name = payload.target().getName();
        long crc = PayloadDigest.crc32(payload.bytes());
        if (crc != payload.crc32()) {
            throw new SwapFailure("payload for " + name + " has CRC32 " + Long.toHexString(crc) + " but "
                    + Long.toHexString(payload.crc32()) + " when it was checked; the bytes changed in memory -"
                    + " nothing was swapped, produce the class file again");
        }
        String sha = PayloadDigest.sha256(payload.bytes());
        if (!sha.equals(payload.sha256())) {
            throw new SwapFailure("payload for " + name + " hashes to SHA-256 " + sha + " but " + payload.sha256()
                    + " was recorded; the bytes are corrupt or stale - nothing was swapped, produce the class"
                    + " file again");
        }
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }
}
