package dev.ouroboros.patcher.internal;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retransform-capable transformer that reads the bytes the JVM runs for classes and never changes one.
 *
 * <p>{@link #capture} retransforms the classes in one call and records the class file the JVM hands to the
 * transformer for each; the transformer returns {@code null}, so nothing changes. It must never return
 * bytes: HotSpot would then cache the class file it received and hand that cached copy to every later
 * retransformation, which would silently undo later swaps. Without a cache the JVM rebuilds the class
 * file from the code it runs, so its constant pool may hold extra entries merged in by earlier swaps
 * (compare versions with {@code ClassFingerprint}). It registers itself with
 * {@code addTransformer(this, true)} for the duration of one capture only; calls are serialised by
 * {@link AtomicSwap#writerLock()}.
 */
public final class BytesCapture implements ClassFileTransformer {

    /** Classes being captured, by identity, with their bytes once the JVM handed them over. */
    private volatile Map<Class<?>, byte[]> capturing = Map.of();

    /**
     * Returns the class file the JVM runs now for the class.
     *
     * @throws UnmodifiableClassException when the JVM cannot retransform the class
     * @throws IllegalStateException when this transformer is not registered as retransform-capable
     */
    public byte[] capture(Instrumentation inst, Class<?> target) throws UnmodifiableClassException {
        return capture(inst, List.of(target)).get(0);
    }

    /**
     * Returns the class files the JVM runs now for the classes, in the same order, read with one
     * {@code retransformClasses} call.
     *
     * @throws UnmodifiableClassException when the JVM cannot retransform one of the classes
     * @throws IllegalStateException when this transformer is not registered as retransform-capable
     */
    public List<byte[]> capture(Instrumentation inst, List<Class<?>> targets) throws UnmodifiableClassException {
        Map<Class<?>, byte[]> slots = new IdentityHashMap<>();
        targets.forEach(t -> slots.put(t, null));
        capturing = slots;
        // Registered only while capturing: left in place, a retransform-capable transformer would be
        // called on every class the host program loads, for the life of the program.
        inst.addTransformer(this, true);
        try {
            inst.retransformClasses(targets.toArray(Class<?>[]::new));
            List<byte[]> result = new ArrayList<>(targets.size());
            for (Class<?> target : targets) {
                byte[] bytes = slots.get(target);
                if (bytes == null) {
                    throw new IllegalStateException("the JVM did not hand the class file of " + target.getName()
                            + " to the capturing transformer; it must be added with addTransformer(t, true)");
                }
                result.add(bytes);
            }
            return result;
        } finally {
            inst.removeTransformer(this);
            capturing = Map.of();
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        Map<Class<?>, byte[]> slots = capturing;
        if (classBeingRedefined != null && slots.containsKey(classBeingRedefined)) {
            // The JVM calls transformers on the retransforming thread; the map is only read by that thread after.
            synchronized (slots) {
                slots.put(classBeingRedefined, classfileBuffer.clone());
            }
        }
        return null;
    }
}
