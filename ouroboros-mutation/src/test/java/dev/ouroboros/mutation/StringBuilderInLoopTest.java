package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StringBuilderInLoopTest {

    private final OperatorHarness harness = new OperatorHarness(MutationOperator.stringBuilderInLoop());

    @Test
    void demoToCsvBecomesStringBuilderWithMinimalDiff(@TempDir Path dir) {
        SourceTree tree = new SourceTree(dir).write(Demo.CLASS_NAME, Demo.SOURCE);
        List<MutationCandidate> candidates = Mutator.builder()
                .operators(List.of(MutationOperator.stringBuilderInLoop())).build()
                .mutate(tree.genome(), tree.region(Demo.CLASS_NAME, "toCsv"));

        assertThat(candidates).hasSize(1);
        MutationCandidate c = candidates.get(0);
        assertThat(c.operator()).isEqualTo("string-builder-in-loop");
        assertThat(c.kind()).isEqualTo(OperatorKind.SEMANTICS_PRESERVING);
        assertThat(c.severity()).isEqualTo(MutationSeverity.MINOR);
        assertThat(c.regionId()).isEqualTo("com.acme.OrderReport#toCsv(List)");
        assertThat(c.className()).isEqualTo(Demo.CLASS_NAME);
        assertThat(c.lexicallyPreserved()).isTrue();
        assertThat(c.originalSource()).isEqualTo(Demo.SOURCE);
        assertThat(c.mutatedSource()).isEqualTo(Demo.SOURCE.replace(toCsvOriginal(), Demo.TO_CSV_REWRITTEN));
        assertThat(c.diff()).isEqualTo("""
                --- a/com/acme/OrderReport.java
                +++ b/com/acme/OrderReport.java
                @@ -14,9 +14,11 @@
                \s
                     public static String toCsv(List<Order> orders) {
                         String csv = "id,customer,amount\\n";
                +        StringBuilder csvBuilder = new StringBuilder(csv);
                         for (Order order : orders) {
                -            csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                +            csvBuilder.append(order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n");
                         }
                +        csv = csvBuilder.toString();
                         return csv;
                     }
                \s
                """);
    }

    private static String toCsvOriginal() {
        String source = Demo.SOURCE;
        int from = source.indexOf("    public static String toCsv");
        int to = source.indexOf("    static String escape");
        return source.substring(from, to - 1);
    }

    @Test
    void rewritesWhileLoopAndKeepsOtherStatements() {
        String method = """
                String join(int n) {
                    int i = 0;
                    String s = "<" + n;
                    while (i < n) {
                        // each step
                        s += i + ",";
                        i++;
                    }
                    return s + ">";
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        assertThat(harness.apply(method, 0)).isEqualTo("""
                String join(int n) {
                    int i = 0;
                    String s = "<" + n;
                    StringBuilder sBuilder = new StringBuilder(s);
                    while (i < n) {
                        // each step
                        sBuilder.append(i + ",");
                        i++;
                    }
                    s = sBuilder.toString();
                    return s + ">";
                }""");
    }

    @Test
    void rewritesDoLoopWithTextBlockInitializerAndConditionalAppends() {
        String method = """
                String dots(int n) {
                    String s = \"""
                        head\""";
                    do {
                        if (n % 2 == 0) s += ("even" + n); else s += (n > 5 ? "big" : "small");
                        n--;
                    } while (n > 0);
                    return s;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        assertThat(harness.apply(method, 0))
                .contains("StringBuilder sBuilder = new StringBuilder(s);\n    do {")
                .contains("if (n % 2 == 0) sBuilder.append((\"even\" + n)); else sBuilder.append((n > 5 ? \"big\" : \"small\"));")
                .contains("} while (n > 0);\n    s = sBuilder.toString();");
    }

    @Test
    void nestedLoopsGiveOnePointAtTheOutermostLoop() {
        String method = """
                String grid(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            s += i + "x" + j;
                        }
                        s += "\\n";
                    }
                    return s;
                }""";
        assertThat(harness.points(method)).isEqualTo(1);
        String out = harness.apply(method, 0);
        assertThat(out).contains("StringBuilder sBuilder = new StringBuilder(s);\n    for (int i = 0;")
                .contains("sBuilder.append(i + \"x\" + j);")
                .contains("sBuilder.append(\"\\n\");")
                .doesNotContain("s +=");
    }

    @Test
    void builderNameAvoidsEveryNameInTheMethod() {
        String method = """
                String f(List<String> sBuilder) {
                    String s = "";
                    int sBuilder2 = 0;
                    for (String x : sBuilder) {
                        s += x + "";
                    }
                    return s + sBuilder2;
                }""";
        assertThat(harness.apply(method, 0)).contains("StringBuilder sBuilder3 = new StringBuilder(s);")
                .contains("sBuilder3.append(x + \"\");").contains("s = sBuilder3.toString();");
    }

    @Test
    void twoLoopsAreTwoPoints() {
        String method = """
                String f(List<String> xs) {
                    String a = "a";
                    for (String x : xs) { a += x + ";"; }
                    String b = "b";
                    for (String x : xs) { b += "[" + x; }
                    return a + b;
                }""";
        assertThat(harness.points(method)).isEqualTo(2);
        assertThat(harness.apply(method, 1)).contains("StringBuilder bBuilder = new StringBuilder(b);")
                .contains("a += x + \";\"");
    }

    @Test
    void refusesRightHandSideThatIsNotProvablyAString() {
        // String + char[] prints the array's identity; append(char[]) would append its characters.
        assertThat(harness.points("""
                String f(char[] cs) {
                    String s = "";
                    for (int i = 0; i < 3; i++) { s += cs; }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                String f(String t) {
                    String s = "";
                    for (int i = 0; i < 3; i++) { s += t; }
                    return s;
                }""")).isZero();
    }

    @Test
    void refusesWhenTheVariableIsReadInsideTheLoop() {
        assertThat(harness.points("""
                String f(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) {
                        s += "x";
                        if (s.length() > 3) { break; }
                    }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                String f(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) { s += s + "x"; }
                    return s;
                }""")).isZero();
    }

    @Test
    void refusesNullOrUnprovenValues() {
        assertThat(harness.points("""
                String f(int n) {
                    String s = null;
                    for (int i = 0; i < n; i++) { s += "x"; }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                String f(int n, String t) {
                    String s = "";
                    s = t;
                    for (int i = 0; i < n; i++) { s += "x"; }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                String f(int n) {
                    String s;
                    s = "";
                    for (int i = 0; i < n; i++) { s += "x"; }
                    return s;
                }""")).isZero();
    }

    @Test
    void refusesLoopInsideTry() {
        assertThat(harness.points("""
                String f(int n) {
                    String s = "";
                    try {
                        for (int i = 0; i < n; i++) { s += "x" + i; }
                    } catch (RuntimeException e) {
                        return s;
                    }
                    return s;
                }""")).isZero();
    }

    @Test
    void refusesVariableInLoopHeader() {
        assertThat(harness.points("""
                String f() {
                    String s = "";
                    while (s.length() < 10) { s += "x"; }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                String f() {
                    String s = "";
                    for (int i = 0; i < 3; i++, s += "y") { s += "x"; }
                    return s;
                }""")).isZero();
    }

    @Test
    void refusesLabelledJumpOutOfTheLoopAndDeclarationsInsideIt() {
        assertThat(harness.points("""
                String f(int n) {
                    String s = "";
                    outer:
                    {
                        for (int i = 0; i < n; i++) { s += "x"; if (i == 2) break outer; }
                    }
                    return s;
                }""")).isZero();
        assertThat(harness.points("""
                List<String> f(int n) {
                    List<String> out = new ArrayList<>();
                    for (int j = 0; j < n; j++) {
                        String s = "";
                        for (int i = 0; i < n; i++) { s += "x"; }
                        out.add(s);
                    }
                    return out;
                }""")).as("only the inner loop qualifies").isEqualTo(1);
    }

    @Test
    void refusesWhenStringIsNotJavaLangString() {
        assertThat(new OperatorHarness(MutationOperator.stringBuilderInLoop()).points("""
                String f(int n) {
                    String s = "";
                    for (int i = 0; i < n; i++) { s += "x"; }
                    return s;
                }
                static class String {}""")).isZero();
    }

    @Test
    void applyOutsideThePointsIsRefused() {
        assertThatThrownBy(() -> harness.apply("void f() { }", 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
