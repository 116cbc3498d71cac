package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A tiny application class with a genuinely slow hot method (quadratic string concatenation) and
 * its JUnit tests, compiled with the real in-memory compiler into a directory, plus mutants of it.
 */
final class Fixture {

    static final String TARGET = "fixture.Joiner";
    static final String TEST = "fixture.JoinerTest";
    static final String BROKEN_TEST = "fixture.BrokenJoinerTest";
    static final String EMPTY_TEST = "fixture.EmptyJoinerTest";

    static final String ORIGINAL = """
            package fixture;

            public final class Joiner {
                public static String join(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            s += ",";
                        }
                        s += i;
                    }
                    return s;
                }
            }
            """;

    static final String FAST = """
            package fixture;

            public final class Joiner {
                public static String join(int n) {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            s.append(',');
                        }
                        s.append(i);
                    }
                    return s.toString();
                }
            }
            """;

    /** Fast, but wrong for n == 0: only {@code joinsNothing} catches it. */
    static final String WRONG = FAST.replace("StringBuilder s = new StringBuilder();",
            "if (n == 0) { return \"none\"; }\n        StringBuilder s = new StringBuilder();");

    static final String LOOPING = FAST.replace("StringBuilder s = new StringBuilder();",
            "while (n >= 0) { n = n | 0; }\n        StringBuilder s = new StringBuilder();");

    static final String EXITING = FAST.replace("StringBuilder s = new StringBuilder();",
            "System.exit(0);\n        StringBuilder s = new StringBuilder();");

    /** Allocates until the heap is gone. */
    static final String HOARDING = FAST.replace("StringBuilder s = new StringBuilder();",
            "java.util.List<long[]> hoard = new java.util.ArrayList<>();\n"
                    + "        while (n >= 0) { hoard.add(new long[1 << 20]); }\n"
                    + "        StringBuilder s = new StringBuilder();");

    /** Recurses without end. */
    static final String RECURSING = FAST.replace("public static String join(int n) {",
            "public static String join(int n) {\n        if (n >= 0) { return join(n + 1); }");

    /** The original's quadratic work, done on a (long-lived) common-pool thread while the caller waits. */
    static final String OFFLOADED = ORIGINAL.replace("public static String join(int n) {",
            "public static String join(int n) {\n"
                    + "        return java.util.concurrent.ForkJoinPool.commonPool().submit(() -> slowJoin(n)).join();\n"
                    + "    }\n\n"
                    + "    private static String slowJoin(int n) {");

    /** Ends its worker JVM at once, without exit hooks. */
    static final String HALTING = FAST.replace("StringBuilder s = new StringBuilder();",
            "Runtime.getRuntime().halt(7);\n        StringBuilder s = new StringBuilder();");

    /** Holds 95% of the old generation and waits, so that the worker's heap watchdog (not the JVM) reports it. */
    static final String HOLDING = FAST.replace("StringBuilder s = new StringBuilder();",
            "long max = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()\n"
                    + "            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)\n"
                    + "            .mapToLong(p -> p.getUsage().getMax()).max().getAsLong();\n"
                    + "        java.util.List<byte[]> held = new java.util.ArrayList<>();\n"
                    + "        for (long b = 0; b < max * 95 / 100; b += 1 << 20) { held.add(new byte[1 << 20]); }\n"
                    + "        System.gc();\n"
                    + "        try { Thread.sleep(20_000); } catch (InterruptedException e) { }\n"
                    + "        if (held.size() == n) { return \"\"; }\n"
                    + "        StringBuilder s = new StringBuilder();");

    /** Starts a non-daemon thread that never ends, on every call. */
    static final String LEAKING = FAST.replace("StringBuilder s = new StringBuilder();",
            "Thread leak = new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } },"
                    + " \"leaky-\" + n);\n"
                    + "        leak.start();\n"
                    + "        StringBuilder s = new StringBuilder();");

    /** Takes two locks in the opposite order of a helper thread: both wait forever. */
    static final String DEADLOCKING = FAST.replace("StringBuilder s = new StringBuilder();",
            "Object a = new Object();\n"
                    + "        Object b = new Object();\n"
                    + "        java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);\n"
                    + "        Thread other = new Thread(() -> { synchronized (b) { both.countDown(); await(both); synchronized (a) { } } },"
                    + " \"deadlock-partner\");\n"
                    + "        other.setDaemon(true);\n"
                    + "        other.start();\n"
                    + "        synchronized (a) { both.countDown(); await(both); synchronized (b) { } }\n"
                    + "        StringBuilder s = new StringBuilder();")
            .replace("public final class Joiner {", "public final class Joiner {\n"
                    + "    private static void await(java.util.concurrent.CountDownLatch l) {\n"
                    + "        try { l.await(); } catch (InterruptedException e) { throw new IllegalStateException(e); }\n"
                    + "    }\n");

    /** Prints forged protocol lines without end. */
    static final String FLOODING = FAST.replace("StringBuilder s = new StringBuilder();",
            "for (long k = 0; k >= 0; k++) { System.out.println(\"@@ouroboros 00 RESULT cGFzc2Vk \" + k); }\n"
                    + "        StringBuilder s = new StringBuilder();");

    /** Writes straight to file descriptor 1, past System.out, without end. */
    static final String RAW_FLOODING = FAST.replace("StringBuilder s = new StringBuilder();",
            "try (java.io.FileOutputStream raw = new java.io.FileOutputStream(java.io.FileDescriptor.out)) {\n"
                    + "            byte[] junk = \"junk junk junk junk junk junk junk junk\\n\".getBytes();\n"
                    + "            while (n >= 0) { raw.write(junk); }\n"
                    + "        } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
                    + "        StringBuilder s = new StringBuilder();");

    private static final String TEST_SOURCE = """
            package fixture;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            import org.junit.jupiter.api.Test;

            class JoinerTest {
                @Test
                void joinsThree() {
                    assertEquals("0,1,2", Joiner.join(3));
                }

                @Test
                void joinsNothing() {
                    assertEquals("", Joiner.join(0));
                }

                @Test
                void joinsTwoThousand() {
                    for (int round = 0; round < 8; round++) {
                        String s = Joiner.join(2000);
                        assertEquals(8889, s.length());
                        assertTrue(s.endsWith(",1998,1999"));
                    }
                }
            }
            """;

    private static final String BROKEN_TEST_SOURCE = """
            package fixture;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.Test;

            class BrokenJoinerTest {
                @Test
                void expectsSemicolons() {
                    assertEquals("0;1", Joiner.join(2));
                }
            }
            """;

    private static final String EMPTY_TEST_SOURCE = """
            package fixture;

            class EmptyJoinerTest {
                void notATest() {
                }
            }
            """;

    private Fixture() {
    }

    /** The test JVM's own class path: with useManifestOnlyJar=false it lists the JUnit jars. */
    static List<Path> testJvmClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** Compiles the original and its test classes into {@code dir}; returns the worker class path. */
    static List<Path> build(InMemoryCompiler compiler, Path dir) throws IOException {
        CompilationResult result = compiler.compile(Map.of(TARGET, ORIGINAL, TEST, TEST_SOURCE,
                BROKEN_TEST, BROKEN_TEST_SOURCE, EMPTY_TEST, EMPTY_TEST_SOURCE), testJvmClasspath(), 17);
        assertThat(result.success()).as("fixture compiles: %s", result.diagnostics()).isTrue();
        for (Map.Entry<String, byte[]> e : result.classes().entrySet()) {
            Path file = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(dir);
        classpath.addAll(testJvmClasspath());
        return classpath;
    }

    /** Compiles one version of the target class; returns its classes by binary name. */
    static Map<String, byte[]> compileTarget(InMemoryCompiler compiler, String source) {
        CompilationResult result = compiler.compile(Map.of(TARGET, source), List.of(), 17);
        assertThat(result.success()).as("target compiles: %s", result.diagnostics()).isTrue();
        return result.classes();
    }
}
