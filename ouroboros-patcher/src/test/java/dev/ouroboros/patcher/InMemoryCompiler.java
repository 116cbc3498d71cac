package dev.ouroboros.patcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source text to class files in memory with the JDK's own {@code javac}, so that tests can
 * make the exact variants a rule is about.
 */
final class InMemoryCompiler {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    /** One file manager for all compilations: opening the platform classes again each time is slow. */
    private static final StandardJavaFileManager STANDARD = JAVAC.getStandardFileManager(null, null, null);

    private InMemoryCompiler() {
    }

    /**
     * Compiles one self-contained compilation unit (it may use the JDK only).
     *
     * @param className the binary name of the top-level class
     * @param source the compilation unit
     * @return every class file produced, by binary name
     */
    static synchronized Map<String, byte[]> compile(String className, String source) {
        StringWriter diagnostics = new StringWriter();
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(STANDARD) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        outputs.put(name, out);
                        return out;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-proc:none", "-cp", ""));
        boolean ok = JAVAC.getTask(diagnostics, manager, null, options, null, List.of(unit)).call();
        if (!ok) {
            throw new IllegalArgumentException("source of " + className + " does not compile:\n" + diagnostics);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, out) -> classes.put(name, out.toByteArray()));
        return classes;
    }

    /** Compiles one compilation unit and returns the class file of its top-level class. */
    static byte[] compileClass(String className, String source) {
        byte[] bytes = compile(className, source).get(className);
        if (bytes == null) {
            throw new IllegalArgumentException("compiling the source produced no class " + className);
        }
        return bytes;
    }
}
