package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small class with several kinds of methods (static, instance with state, a record parameter) and a
 * deliberately weak test suite, plus mutants that the suite cannot tell from the original but
 * generated inputs can; compiled with the real in-memory compiler.
 */
final class DifferentialFixture {

    static final String TARGET = "diff.Pricing";
    static final String TEST = "diff.PricingTest";

    static final String ORIGINAL = """
            package diff;

            import java.util.List;

            public final class Pricing {
                public record Item(String name, long cents, int qty) {
                }

                private int count;

                public int add(int n) {
                    count += n;
                    return count;
                }

                /** Decimal digits of n, sign not counted. */
                public static int digits(int n) {
                    return String.valueOf(Math.abs((long) n)).length();
                }

                public static int percent(int part, int whole) {
                    return part * 100 / whole;
                }

                public static long total(List<Item> items) {
                    long t = 0;
                    for (Item i : items) {
                        t += i.cents() * i.qty();
                    }
                    return t;
                }

                public static String greet(String name) {
                    return "Hello, " + name;
                }
            }
            """;

    /** Off by one at 0 (and wrong for negatives): the tests only ask for 7 and 1234. */
    static final String DIGITS_OFF_BY_ONE = ORIGINAL.replace(
            "return String.valueOf(Math.abs((long) n)).length();",
            "int d = 0;\n        while (n > 0) { n /= 10; d++; }\n        return d;");

    /** The same totals through an indexed loop: equivalent. */
    static final String TOTAL_EQUIVALENT = ORIGINAL.replace(
            "for (Item i : items) {\n            t += i.cents() * i.qty();\n        }",
            "for (int k = 0; k < items.size(); k++) {\n            Item i = items.get(k);\n            t += i.qty() * i.cents();\n        }");

    /** Throws IllegalArgumentException where the original throws ArithmeticException (whole == 0). */
    static final String PERCENT_OTHER_EXCEPTION = ORIGINAL.replace(
            "return part * 100 / whole;",
            "if (whole == 0) { throw new IllegalArgumentException(\"whole is 0\"); }\n        return part * 100 / whole;");

    /** Returns the right number but forgets to store it: only the receiver's state tells. */
    static final String ADD_FORGETS_STATE = ORIGINAL.replace(
            "count += n;\n        return count;", "return count + n;");

    /** Loops forever on negative numbers, which the tests never pass. */
    static final String DIGITS_LOOPS = ORIGINAL.replace(
            "return String.valueOf(Math.abs((long) n)).length();",
            "while (n < 0) { n = n | 0; }\n        return String.valueOf(Math.abs((long) n)).length();");

    /** Differs only for one name no generator produces: only a recorded input finds it. */
    static final String GREET_SPECIAL_CASE = ORIGINAL.replace(
            "return \"Hello, \" + name;",
            "if (\"Ada Lovelace\".equals(name)) { return \"Hi Ada\"; }\n        return \"Hello, \" + name;");

    private static final String TEST_SOURCE = """
            package diff;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import java.util.List;
            import org.junit.jupiter.api.Test;

            class PricingTest {
                @Test
                void digits() {
                    assertEquals(1, Pricing.digits(7));
                    assertEquals(4, Pricing.digits(1234));
                }

                @Test
                void percent() {
                    assertEquals(50, Pricing.percent(1, 2));
                }

                @Test
                void total() {
                    assertEquals(600, Pricing.total(List.of(new Pricing.Item("a", 200, 3))));
                }

                @Test
                void add() {
                    assertEquals(5, new Pricing().add(5));
                }

                @Test
                void greet() {
                    assertEquals("Hello, Bob", Pricing.greet("Bob"));
                }
            }
            """;

    private DifferentialFixture() {
    }

    /** Compiles the original and its test into {@code dir}; returns the worker class path. */
    static List<Path> build(InMemoryCompiler compiler, Path dir) throws IOException {
        CompilationResult result = compiler.compile(Map.of(TARGET, ORIGINAL, TEST, TEST_SOURCE),
                Fixture.testJvmClasspath(), 17);
        assertThat(result.success()).as("fixture compiles: %s", result.diagnostics()).isTrue();
        for (Map.Entry<String, byte[]> e : result.classes().entrySet()) {
            Path file = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(dir);
        classpath.addAll(Fixture.testJvmClasspath());
        return classpath;
    }

    /** Compiles one version of the target; its classes by binary name. */
    static Map<String, byte[]> compile(InMemoryCompiler compiler, String source) {
        CompilationResult result = compiler.compile(Map.of(TARGET, source), List.of(), 17);
        assertThat(result.success()).as("target compiles: %s", result.diagnostics()).isTrue();
        return result.classes();
    }
}
