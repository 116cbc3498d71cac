package dev.ouroboros.arena.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.InMemoryCompiler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's loaders, in process: tests link against the loader's version of the target, the rest is shared. */
class CandidateClassLoaderTest {

    private static final String TARGET = """
            package p;
            public class Target {
                public static int value() { return %d + new Nested().n(); }
                static class Nested { int n() { return 0; } }
            }
            """;

    private static final String PROBE = """
            package p;
            public class TargetTest {
                public static int probe() { return new Helper().call(); }
                static class Helper { int call() { return Target.value() * 10 + Other.constant(); } }
            }
            """;

    private static final String OTHER = """
            package p;
            public class Other { public static int constant() { return 7; } }
            """;

    @Test
    void testsLinkAgainstTheOverridesAndEverythingElseIsShared(@TempDir Path dir) throws Exception {
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            CompilationResult app = compiler.compile(Map.of("p.Target", TARGET.formatted(1), "p.TargetTest", PROBE,
                    "p.Other", OTHER), List.of(), 17);
            WorkerProtocol.writeClasses(dir, app.classes());
            // Only the top-level class is overridden: its nested class must follow it into the child loader.
            byte[] mutantTarget = compiler.compile(Map.of("p.Target", TARGET.formatted(2)), List.of(), 17)
                    .classes().get("p.Target");
            Map<String, byte[]> overrides = Map.of("p.Target", mutantTarget);

            try (URLClassLoader parent = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                CandidateClassLoader mutant = new CandidateClassLoader("mutant", parent, overrides, List.of("p.TargetTest"));

                Class<?> test = Class.forName("p.TargetTest", true, mutant);
                assertThat(test.getClassLoader()).isSameAs(mutant);
                assertThat(test.getMethod("probe").invoke(null)).isEqualTo(27);
                assertThat(Class.forName("p.TargetTest", true, parent).getMethod("probe").invoke(null)).isEqualTo(17);
                assertThat(mutant.loadClass("p.Target$Nested").getClassLoader()).isSameAs(mutant);
                assertThat(mutant.loadClass("p.TargetTest$Helper").getClassLoader()).isSameAs(mutant);
                assertThat(mutant.loadClass("p.Other").getClassLoader()).isSameAs(parent);
                assertThat(mutant.loadClass("java.lang.String")).isSameAs(String.class);
            }
        }
    }
}
