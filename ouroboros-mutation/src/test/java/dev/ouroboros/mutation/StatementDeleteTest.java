package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementDeleteTest {

    private final OperatorHarness harness = new OperatorHarness(MutationOperator.statementDelete());

    private static final String METHOD = """
            int f(int n) {
                int total = 0;
                for (int i = 0; i < n; i++) {
                    if (i % 2 == 0) total += i;
                    else {
                        total -= 1;
                        total *= 2;
                    }
                }
                class Local { int g() { return 1; } }
                Runnable r = () -> System.out.println(n);
                return total;
            }""";

    @Test
    void everyStatementAtAnyDepthIsAPointExceptLocalClassesAndExpressionLambdas() {
        // total=0; for; if; total+=i; else-block; total-=1; total*=2; Runnable r; return
        assertThat(harness.points(METHOD)).isEqualTo(9);
    }

    @Test
    void deletesStatementsInPreOrder() {
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < harness.points(METHOD); i++) {
            String out = harness.apply(METHOD, i);
            assertThat(out).isNotEqualTo(METHOD);
            deleted.add(out);
        }
        assertThat(deleted.get(0)).doesNotContain("int total = 0;").contains("return total;");
        assertThat(deleted.get(1)).doesNotContain("for (").contains("int total = 0;\n    class Local");
        assertThat(deleted.get(8)).doesNotContain("return total;");
        assertThat(deleted).doesNotHaveDuplicates();
    }

    @Test
    void soleBodyOfIfBecomesEmptyBlock() {
        String out = harness.apply(METHOD, 3);
        assertThat(out).contains("if (i % 2 == 0) {\n        }\n        else {").contains("total -= 1;")
                .doesNotContain("total += i");
    }

    @Test
    void blockInRequiredSlotBecomesEmptyBlock() {
        String out = harness.apply(METHOD, 4);
        assertThat(out).containsPattern("else \\{\\s*}").doesNotContain("total -= 1;").contains("total += i;");
    }

    @Test
    void statementsOfLocalClassesAreNotPoints() {
        assertThat(harness.points("""
                void f() {
                    Runnable r = new Runnable() { public void run() { System.out.println(); } };
                }""")).isEqualTo(1);
    }

    @Test
    void emptyBodyHasNoPoints() {
        assertThat(harness.points("void f() { }")).isZero();
    }

    @Test
    void deletesFromSwitchStatementGroupsButNotArrowExpressions() {
        String method = """
                int f(int k) {
                    switch (k) {
                        case 1:
                            k++;
                            break;
                        default:
                    }
                    return switch (k) { case 2 -> 7; default -> { yield 8; } };
                }""";
        // switch; k++; break; return; yield 8
        assertThat(harness.points(method)).isEqualTo(5);
        assertThat(harness.apply(method, 2)).doesNotContain("break;").containsPattern("k\\+\\+;\\s*default:")
                .contains("case 2 -> 7;");
    }
}
