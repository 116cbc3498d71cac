package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.InMemoryFileManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles mutant source entirely in memory, the first and cheapest gate of the cascade.
 *
 * <p>One {@link JavaCompiler} and one standard file manager are created once and reused, so the
 * class path's jar indexes stay open and warm between candidates. Compilations are serialized on
 * the instance (the standard file manager is not thread-safe); use one instance per thread for
 * parallel compilation. Annotation processing is off ({@code -proc:none}) and the class path is
 * never searched for source files, so only the given units are compiled.
 */
public final class InMemoryCompiler implements AutoCloseable {

    /** The feature release of the running JDK, whose javac this is. */
    private static final int RUNTIME_RELEASE = Runtime.version().feature();

    private final JavaCompiler compiler;
    private final StandardJavaFileManager fileManager;

    private InMemoryCompiler(JavaCompiler compiler) {
        this.compiler = compiler;
        this.fileManager = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * Creates a warm, reusable compiler over the running JDK's {@code javax.tools} compiler.
     *
     * @throws CompilerUnavailableException when this runtime has no compiler (a JRE)
     */
    public static InMemoryCompiler create() {
        return create(ToolProvider.getSystemJavaCompiler());
    }

    /** Creates a compiler over {@code compiler}, which is null on a runtime without javac. */
    static InMemoryCompiler create(JavaCompiler compiler) {
        if (compiler == null) {
            throw new CompilerUnavailableException(System.getProperty("java.home"));
        }
        return new InMemoryCompiler(compiler);
    }

    /**
     * Compiles sources in memory with {@code -g}, for {@code release} (through {@code --release} when it
     * is not the running JDK's own release, whose system modules javac reads directly).
     *
     * @param sourcesByTopLevelClassName each compilation unit's text keyed by the binary name of its
     *                                   top-level class ({@code pkg.Foo}); not empty
     * @param classpath                  jars and directories the sources compile against; never null
     * @param release                    the {@code --release} value, e.g. from {@link ClassFileVersion#releaseOf}
     * @return every class of the units, inner, anonymous and local ones included, or the errors;
     *     compile errors and a release this javac does not support are reported in the result,
     *     never thrown
     */
    public CompilationResult compile(Map<String, String> sourcesByTopLevelClassName, List<Path> classpath, int release) {
        return compile(sourcesByTopLevelClassName, classpath, release, List.of());
    }

    /**
     * Like {@link #compile(Map, List, int)}, with extra javac options appended after
     * {@code [--release release] -g -proc:none -implicit:none} (for example {@code -parameters}, to match the flags
     * the loaded classes were built with).
     */
    public CompilationResult compile(Map<String, String> sourcesByTopLevelClassName, List<Path> classpath,
            int release, List<String> extraOptions) {
        Objects.requireNonNull(sourcesByTopLevelClassName, "sourcesByTopLevelClassName");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(extraOptions, "extraOptions");
        if (sourcesByTopLevelClassName.isEmpty()) {
            throw new IllegalArgumentException("at least one compilation unit is needed, had none");
        }
        if (release < 1) {
            throw new IllegalArgumentException("release must be positive, was " + release);
        }
        List<JavaFileObject> units = new ArrayList<>();
        sourcesByTopLevelClassName.forEach((name, text) -> {
            if (name == null || !SourceVersion.isName(name)) {
                throw new IllegalArgumentException("source key must be a top-level class name like pkg.Foo, was " + name);
            }
            units.add(InMemoryFileManager.source(name, Objects.requireNonNull(text, "source of " + name)));
        });
        List<String> options = new ArrayList<>();
        if (release != RUNTIME_RELEASE) {
            // --release N reads the platform's API from ct.sym through a file manager javac builds (and
            // lists again) for every compilation: about half of a small compilation's time. The running
            // JDK's own release needs no ct.sym: its system modules are the API, indexed once by the
            // shared file manager, and the class files come out the same.
            options.addAll(List.of("--release", Integer.toString(release)));
        }
        options.addAll(List.of("-g", "-proc:none", "-implicit:none"));
        options.addAll(extraOptions);

        synchronized (this) {
            try {
                fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
                fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use class path " + classpath, e);
            }
            DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
            InMemoryFileManager memory = new InMemoryFileManager(fileManager);
            boolean success;
            try {
                success = compiler.getTask(null, memory, collector, options, null, units).call();
            } catch (IllegalArgumentException | IllegalStateException e) {
                // javac rejects unsupported option values (e.g. --release 6 on JDK 21) before compiling.
                String message = String.valueOf(e.getMessage()).replaceFirst("^error: ", "");
                return new CompilationResult(false, Map.of(), List.of("error: " + message
                        + " (this compiler supports --release up to " + SourceVersion.latestSupported().ordinal() + ")"));
            }
            List<String> diagnostics = collector.getDiagnostics().stream().map(InMemoryCompiler::format).toList();
            return new CompilationResult(success, success ? memory.classes() : Map.of(), diagnostics);
        }
    }

    /** Releases the open jar files of the class path; the compiler cannot be used afterwards. */
    @Override
    public synchronized void close() {
        try {
            fileManager.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the compiler's file manager", e);
        }
    }

    private static String format(Diagnostic<? extends JavaFileObject> d) {
        String kind = switch (d.getKind()) {
            case ERROR -> "error";
            case WARNING, MANDATORY_WARNING -> "warning";
            case NOTE -> "note";
            case OTHER -> "info";
        };
        String message = d.getMessage(Locale.ROOT);
        JavaFileObject source = d.getSource();
        if (source == null) {
            return kind + ": " + message;
        }
        String file = InMemoryFileManager.relativePath(source);
        if (file == null) {
            file = source.getName();
        }
        String line = d.getLineNumber() == Diagnostic.NOPOS ? "" : ":" + d.getLineNumber();
        return file + line + ": " + kind + ": " + message;
    }
}
