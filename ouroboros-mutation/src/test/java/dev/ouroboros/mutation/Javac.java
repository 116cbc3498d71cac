package dev.ouroboros.mutation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** The real system Java compiler, compiling source text into a fresh class loader, for tests. */
final class Javac {

    private Javac() {
    }

    /**
     * Compiles the given units (top-level class name to source) together and returns a class loader
     * that defines them; throws AssertionError with javac's messages when they do not compile.
     */
    static ClassLoader compile(Path workDir, Map<String, String> units) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new AssertionError("tests need a JDK: ToolProvider.getSystemJavaCompiler() returned null");
        }
        try {
            Path src = Files.createDirectories(workDir.resolve("src"));
            Path out = Files.createDirectories(workDir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "--release", "17"));
            for (Map.Entry<String, String> unit : units.entrySet()) {
                Path file = src.resolve(unit.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, unit.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int status = compiler.run(null, messages, messages, args.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("javac failed:\n" + messages.toString(StandardCharsets.UTF_8));
            }
            return new URLClassLoader(new URL[] {out.toUri().toURL()}, Javac.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
