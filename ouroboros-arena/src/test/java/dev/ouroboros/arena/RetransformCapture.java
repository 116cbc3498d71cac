package dev.ouroboros.arena;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Agent and main of a forked JVM that loads a class and writes the bytes the JVM hands back for it
 * on a retransform: the rebuilt class file a live Ouroboros sees. Not a test; {@link FidelityCheckTest} forks it.
 */
public final class RetransformCapture {

    private static volatile Instrumentation instrumentation;

    private RetransformCapture() {
    }

    /** Agent entry: keeps the instrumentation. */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** {@code RetransformCapture <className> <outFile>}. */
    public static void main(String[] args) throws Exception {
        Class<?> target = Class.forName(args[0]);
        AtomicReference<byte[]> captured = new AtomicReference<>();
        ClassFileTransformer capture = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] classfileBuffer) {
                if (redefined == target) {
                    captured.set(classfileBuffer.clone());
                }
                return null;
            }
        };
        instrumentation.addTransformer(capture, true);
        try {
            instrumentation.retransformClasses(target);
        } finally {
            instrumentation.removeTransformer(capture);
        }
        Files.write(Path.of(args[1]), captured.get());
    }
}
