package dev.ouroboros.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

/** What the examples' end-to-end tests compare: a method's code in a class file, without debug information. */
public final class MethodCode {

    private MethodCode() {
    }

    /** The class file of {@code type} as compiled (the original, before any swap). */
    public static byte[] compiledBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first method called {@code name}, read without debug attributes and frames. */
    public static MethodNode method(byte[] classBytes, String name) {
        ClassNode node = new ClassNode();
        new ClassReader(classBytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** The method's instructions as text: equal text means equal code. */
    public static String text(byte[] classBytes, String name) {
        Textifier text = new Textifier();
        method(classBytes, name).accept(new TraceMethodVisitor(text));
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        return out.toString();
    }
}
