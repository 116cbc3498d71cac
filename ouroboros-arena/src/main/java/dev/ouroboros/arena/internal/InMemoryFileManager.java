package dev.ouroboros.arena.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * A file manager for one compilation: reads the class path through the shared (warm) standard
 * file manager and catches every class file javac writes in memory. It is cheap and used once;
 * closing it leaves the shared manager open.
 */
public final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

    private final Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();

    /** Wraps the shared standard file manager. */
    public InMemoryFileManager(StandardJavaFileManager shared) {
        super(shared);
    }

    /** A compilation unit held in memory; its name is the top-level class's path, e.g. {@code pkg/Foo.java}. */
    public static JavaFileObject source(String topLevelClassName, String text) {
        return new SourceText(topLevelClassName, text);
    }

    /** The path javac shows for an in-memory source, e.g. {@code pkg/Foo.java}, or null for other files. */
    public static String relativePath(JavaFileObject file) {
        return file instanceof SourceText s ? s.relativePath : null;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
            FileObject sibling) {
        if (kind != JavaFileObject.Kind.CLASS) {
            throw new UnsupportedOperationException("only class files are produced in memory, javac asked for "
                    + kind + " " + className);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        outputs.put(className, sink);
        return new ClassSink(className, sink);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof SourceText || b instanceof SourceText || a instanceof ClassSink || b instanceof ClassSink) {
            return a.equals(b);
        }
        return super.isSameFile(a, b);
    }

    @Override
    public void close() {
        // The wrapped manager is shared and stays warm for the next compilation.
    }

    /** Every class written so far, keyed by binary name, in the order javac wrote them. */
    public Map<String, byte[]> classes() {
        Map<String, byte[]> result = new LinkedHashMap<>();
        outputs.forEach((name, sink) -> result.put(name, sink.toByteArray()));
        return result;
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;
        private final String relativePath;

        SourceText(String topLevelClassName, String text) {
            super(URI.create("string:///" + topLevelClassName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
            this.relativePath = topLevelClassName.replace('.', '/') + Kind.SOURCE.extension;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class ClassSink extends SimpleJavaFileObject {
        private final ByteArrayOutputStream sink;

        ClassSink(String className, ByteArrayOutputStream sink) {
            super(URI.create("mem:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
            this.sink = sink;
        }

        @Override
        public OutputStream openOutputStream() {
            sink.reset();
            return sink;
        }
    }
}
