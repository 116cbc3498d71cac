package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptimizationOperatorsTest {

    private final OperatorHarness boxed = new OperatorHarness(MutationOperator.boxedToPrimitiveLocal());
    private final OperatorHarness pattern = new OperatorHarness(MutationOperator.hoistPatternCompile());
    private final OperatorHarness pow = new OperatorHarness(MutationOperator.mathPowSquare());

    @Test
    void boxedAccumulatorBecomesPrimitive() {
        String method = """
                Long sum(int[] xs) {
                    Long total = 0L;
                    Integer count = 0;
                    for (int x : xs) {
                        total += x;
                        count++;
                        if (count > 10 && total != 0) { total = total * 2 + 1; }
                    }
                    System.out.println("n=" + count + " of " + xs[count - 1 > 0 ? 0 : 0]);
                    return total;
                }""";
        assertThat(boxed.points(method)).isEqualTo(2);
        assertThat(boxed.apply(method, 0)).contains("    long total = 0L;\n    Integer count = 0;");
        assertThat(boxed.apply(method, 1)).contains("    Long total = 0L;\n    int count = 0;");
    }

    @Test
    void boxedLocalsThatCouldBeNullSharedOrComparedByIdentityStayBoxed() {
        assertThat(boxed.points("""
                void f(Integer other) {
                    Integer a = 0;
                    if (a == other) { }
                }""")).as("identity comparison").isZero();
        assertThat(boxed.points("""
                void f(java.util.List<Integer> out) {
                    Integer a = 1000;
                    out.add(a);
                    out.add(a);
                }""")).as("passed on: identity visible").isZero();
        assertThat(boxed.points("""
                void f(Integer other) {
                    Integer a = 0;
                    a = other;
                }""")).as("may become null").isZero();
        assertThat(boxed.points("""
                void f() {
                    Integer a = null;
                }""")).as("null initializer").isZero();
        assertThat(boxed.points("""
                Runnable f() {
                    Integer a = 5;
                    return () -> System.out.println(a);
                }""")).as("captured by a lambda").isZero();
        assertThat(boxed.points("""
                int f() {
                    Integer a = 5;
                    int b = a++;
                    return b;
                }""")).as("boxed value of a++ used").isZero();
        assertThat(boxed.points("""
                void f() {
                    Integer a = 5, b = 6;
                    a += b;
                }""")).as("two declarators").isZero();
    }

    @Test
    void patternCompileIsHoistedBeforeTheOutermostLoop() {
        String method = """
                int count(List<String> lines) {
                    int n = 0;
                    for (String line : lines) {
                        for (String word : line.split(" ")) {
                            if (Pattern.compile("[a-z]+\\\\d", Pattern.CASE_INSENSITIVE | 0).matcher(word).matches()) n++;
                        }
                    }
                    return n;
                }""";
        String withImport = "import java.util.regex.Pattern;\n";
        OperatorHarness imported = new OperatorHarness(MutationOperator.hoistPatternCompile(), withImport);
        assertThat(pattern.points(method)).as("Pattern not imported").isZero();
        assertThat(imported.points(method)).isEqualTo(1);
        assertThat(imported.apply(method, 0)).contains("    int n = 0;\n"
                + "    Pattern pattern = Pattern.compile(\"[a-z]+\\\\d\", Pattern.CASE_INSENSITIVE | 0);\n"
                + "    for (String line : lines) {\n").contains("if (pattern.matcher(word).matches()) n++;");
    }

    @Test
    void patternCompileStaysWhenItCouldThrowEscapeOrBeCaptured() {
        OperatorHarness imported = new OperatorHarness(MutationOperator.hoistPatternCompile(),
                "import java.util.regex.*;\n");
        assertThat(imported.points("""
                void f(List<String> xs) { for (String x : xs) { Pattern.compile("[unclosed").matcher(x); } }""")).isZero();
        assertThat(imported.points("""
                void f(List<Pattern> out) { for (int i = 0; i < 3; i++) { out.add(Pattern.compile("a")); } }""")).isZero();
        assertThat(imported.points("""
                void f(List<String> xs, String re) { for (String x : xs) { Pattern.compile(re).matcher(x); } }""")).isZero();
        assertThat(imported.points("""
                void f(List<String> xs) { for (String x : xs) { xs.forEach(y -> Pattern.compile("a").matcher(y)); } }""")).isZero();
        assertThat(imported.points("""
                void f(String x) { Pattern.compile("a").matcher(x); }""")).as("not in a loop").isZero();
        assertThat(imported.points("""
                void f(List<String> xs) { for (String x : xs) { xs.forEach(y -> { for (int i = 0; i < 2; i++) Pattern.compile("a").matcher(y); }); } }"""))
                .as("hoisted inside the lambda, not out of it").isEqualTo(1);
    }

    @Test
    void powOfTwoBecomesMultiplication() {
        String method = """
                double f(double x, int n, long m) {
                    double y = Math.pow(x, 2);
                    return y + Math.pow(n, 2.0) + StrictMath.pow(m, 2) + Math.pow(3, 2);
                }""";
        assertThat(pow.points(method)).isEqualTo(4);
        assertThat(pow.apply(method, 0)).contains("double y = x * x;");
        assertThat(pow.apply(method, 1)).contains("return y + ((double) n * n) + StrictMath.pow(m, 2)");
        assertThat(pow.apply(method, 2)).contains("+ ((double) m * m) +");
        assertThat(pow.apply(method, 3)).contains("+ ((double) 3 * 3);");
    }

    @Test
    void powStaysForFieldsOtherExponentsAndShadowedMath() {
        assertThat(pow.points("""
                double f(double x) { return Math.pow(x, 3) + Math.pow(x + 1, 2) + Math.pow(field, 2); }
                double field;""")).isZero();
        assertThat(pow.points("""
                double f(double x) { return Math.pow(x, 2); }
                static class Math { static double pow(double a, double b) { return 0; } }""")).isZero();
        assertThat(pow.points("""
                double f() { { double x = 2; } return Math.pow(x, 2); }
                double x;""")).as("x out of the local's scope means the field").isZero();
    }
}
