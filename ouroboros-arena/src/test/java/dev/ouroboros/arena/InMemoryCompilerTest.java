package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.genome.OuroborosException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryCompilerTest {

    private static InMemoryCompiler compiler;

    @BeforeAll
    static void createCompiler() {
        compiler = InMemoryCompiler.create();
    }

    @AfterAll
    static void closeCompiler() {
        compiler.close();
    }

    private static final String OUTER = """
            package demo;

            import java.util.function.Supplier;

            public class Outer {
                enum Colour { RED, GREEN }

                class Inner {
                    String name() { return "inner"; }
                }

                static final Runnable ANONYMOUS = new Runnable() {
                    @Override
                    public void run() {
                    }
                };

                public static Supplier<String> lambda() {
                    return () -> "lambda:" + Colour.GREEN + ":" + new Outer().new Inner().name();
                }
            }
            """;

    @Test
    void returnsEveryClassOfTheUnitKeyedByBinaryName() throws Exception {
        CompilationResult result = compiler.compile(Map.of("demo.Outer", OUTER), List.of(), 17);

        assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.classes()).containsOnlyKeys("demo.Outer", "demo.Outer$Inner", "demo.Outer$1",
                "demo.Outer$Colour");
        assertThat(result.errors()).isEmpty();

        ClassLoader loader = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = result.classes().get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        @SuppressWarnings("unchecked")
        Supplier<String> supplier = (Supplier<String>) loader.loadClass("demo.Outer").getMethod("lambda").invoke(null);
        assertThat(supplier.get()).isEqualTo("lambda:GREEN:inner");
    }

    @Test
    void compileErrorsComeBackAsDiagnosticsNamingTheLine() {
        String broken = """
                package demo;
                public class Broken {
                    int twice(int x) { return x * undefinedFactor; }
                }
                """;

        CompilationResult result = compiler.compile(Map.of("demo.Broken", broken), List.of(), 17);

        assertThat(result.success()).isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d)
                .startsWith("demo/Broken.java:3: error: ").contains("undefinedFactor"));
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void compilesAgainstTheGivenClasspathOnly(@TempDir Path dir) throws Exception {
        CompilationResult library = compiler.compile(Map.of("lib.Rate", """
                package lib;
                public final class Rate { public static int percent() { return 42; } }
                """), List.of(), 17);
        assertThat(library.success()).isTrue();
        Files.createDirectories(dir.resolve("lib"));
        Files.write(dir.resolve("lib/Rate.class"), library.classes().get("lib.Rate"));
        Map<String, String> user = Map.of("app.Price", """
                package app;
                public final class Price { int tax() { return lib.Rate.percent(); } }
                """);

        CompilationResult with = compiler.compile(user, List.of(dir), 17);
        CompilationResult without = compiler.compile(user, List.of(), 17);

        assertThat(with.success()).as(with.diagnostics().toString()).isTrue();
        assertThat(with.classes()).containsOnlyKeys("app.Price");
        assertThat(without.success()).isFalse();
        assertThat(without.errors()).anySatisfy(d -> assertThat(d).startsWith("app/Price.java:2: error: ")
                .contains("lib"));
    }

    @Test
    void honoursTheRequestedRelease() {
        Map<String, String> source = Map.of("demo.Plain", "package demo; public class Plain {}");

        CompilationResult java11 = compiler.compile(source, List.of(), 11);
        CompilationResult java17 = compiler.compile(source, List.of(), 17);

        assertThat(ClassFileVersion.releaseOf(java11.classes().get("demo.Plain"))).isEqualTo(11);
        assertThat(ClassFileVersion.releaseOf(java17.classes().get("demo.Plain"))).isEqualTo(17);
    }

    @Test
    void releaseApisAreCheckedAgainstTheRelease() {
        String usesJava17Api = "package demo; public class Modern { Object r() { return java.util.stream.Stream.of(1).toList(); } }";

        assertThat(compiler.compile(Map.of("demo.Modern", usesJava17Api), List.of(), 17).success()).isTrue();
        CompilationResult old = compiler.compile(Map.of("demo.Modern", usesJava17Api), List.of(), 11);
        assertThat(old.success()).isFalse();
        assertThat(old.errors()).anySatisfy(d -> assertThat(d).startsWith("demo/Modern.java:1: error:").contains("toList"));
    }

    @Test
    void unsupportedReleaseIsAResultNotAnException() {
        CompilationResult result = compiler.compile(Map.of("demo.Plain", "package demo; public class Plain {}"),
                List.of(), 99);

        assertThat(result.success()).isFalse();
        assertThat(result.errors()).anySatisfy(d -> assertThat(d).contains("99"));
    }

    @Test
    void argumentsAreValidated() {
        assertThatThrownBy(() -> compiler.compile(Map.of(), List.of(), 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had none");
        assertThatThrownBy(() -> compiler.compile(Map.of("demo/Plain.java", "class Plain {}"), List.of(), 17))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo/Plain.java");
        assertThatThrownBy(() -> compiler.compile(Map.of("demo.Plain", "class Plain {}"), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("release must be positive, was 0");
    }

    @Test
    void oneCompilerServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CompilationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "demo.C" + i;
                String source = "package demo; public class C" + i + " { int v() { return " + i + "; } }";
                Callable<CompilationResult> task = () -> compiler.compile(Map.of(name, source), List.of(), 17);
                futures.add(pool.submit(task));
            }
            for (int i = 0; i < futures.size(); i++) {
                CompilationResult result = futures.get(i).get();
                assertThat(result.success()).isTrue();
                assertThat(result.classes()).containsOnlyKeys("demo.C" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRuntimeWithoutJavacIsRefusedWithTheRemedy() {
        // ToolProvider.getSystemJavaCompiler() returns null on a JRE; this is the path create() takes then.
        assertThatThrownBy(() -> InMemoryCompiler.create(null))
                .isInstanceOf(CompilerUnavailableException.class)
                .isInstanceOf(OuroborosException.class)
                .hasMessage("no Java compiler in this runtime (java.home=" + System.getProperty("java.home")
                        + "): run Ouroboros on a JDK, not a JRE");
    }
}
