package dev.ouroboros.patcher;

import dev.ouroboros.patcher.internal.PayloadDigest;
import java.util.Comparator;
import java.util.Objects;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A SHA-256 of what a class file means to the JVM rather than of its exact bytes.
 *
 * <p>The JVM does not keep class files: when asked for the bytes it runs it rebuilds them, and after a
 * swap their constant pool may hold entries merged in from earlier versions, methods may come back in
 * another order and invisible annotations are gone. The fingerprint hashes a canonical form - constant
 * pool rebuilt in declaration order, methods sorted, debug attributes and invisible annotations
 * dropped - so that two class files with the same schema and the same instructions get the same
 * fingerprint. Use it to prove that the JVM runs a given version; use the raw SHA-256 of
 * {@link CodeVersion#sha256()} to prove that stored bytes are intact.
 */
public final class ClassFingerprint {

    private ClassFingerprint() {
    }

    /**
     * Returns the fingerprint of a class file as 64 lower-case hex digits.
     *
     * @throws IllegalArgumentException when the bytes are not a readable class file
     */
    public static String of(byte[] classFile) {
        Objects.requireNonNull(classFile, "classFile must not be null");
        ClassNode node = new ClassNode();
        try {
            new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("classFile is not a readable class file (" + e + ")", e);
        }
        node.invisibleAnnotations = null;
        node.invisibleTypeAnnotations = null;
        for (FieldNode field : node.fields) {
            field.invisibleAnnotations = null;
            field.invisibleTypeAnnotations = null;
        }
        for (MethodNode method : node.methods) {
            method.invisibleAnnotations = null;
            method.invisibleTypeAnnotations = null;
            method.invisibleParameterAnnotations = null;
            method.invisibleAnnotableParameterCount = 0;
            method.invisibleLocalVariableAnnotations = null;
        }
        node.methods.sort(Comparator.comparing((MethodNode m) -> m.name).thenComparing(m -> m.desc));
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return PayloadDigest.sha256(writer.toByteArray());
    }
}
