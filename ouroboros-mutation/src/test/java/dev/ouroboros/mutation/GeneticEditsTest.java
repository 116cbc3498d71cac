package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneticEditsTest {

    private final OperatorHarness binary = new OperatorHarness(MutationOperator.binaryOperatorReplace());
    private final OperatorHarness negate = new OperatorHarness(MutationOperator.conditionNegate());

    private static final String METHOD = """
            int f(int a, int b, String s) {
                String t = s + a;
                if (a < b && b != 0) {
                    return (a * b) >> 1;
                }
                return a % 3 == 0 ? a - b : b | a;
            }""";

    @Test
    void binaryOperatorPointsSkipStringConcatenation() {
        // s + a (not provably String), &&, a < b, b != 0, >>, a * b, ?: holds ==, a % 3, a - b, b | a
        assertThat(binary.points(METHOD)).isEqualTo(10);
        assertThat(binary.points("String f(int a) { return \"n=\" + a; }")).isZero();
    }

    @Test
    void binaryOperatorIsReplacedWithinItsFamilyUsingTheGivenRandom() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            String out = applyWithSeed(METHOD, 2, seed);
            int start = out.indexOf("if (") + 4;
            String condition = out.substring(start, out.indexOf(") {", start));
            assertThat(condition).matches("a (<=|>|>=|==|!=) b && b != 0");
            seen.add(condition);
        }
        assertThat(seen).hasSize(5);
        assertThat(applyWithSeed(METHOD, 2, 3)).isEqualTo(applyWithSeed(METHOD, 2, 3));
        // Points are in pre-order: s + a, then the && before its operands.
        assertThat(binary.apply(METHOD, 1)).contains("if (a < b || b != 0)");
    }

    @Test
    void conditionsAreNegatedWithParenthesesWhereNeeded() {
        assertThat(negate.points(METHOD)).isEqualTo(2);
        assertThat(negate.apply(METHOD, 0)).contains("if (!(a < b && b != 0)) {");
        assertThat(negate.apply(METHOD, 1)).contains("return !(a % 3 == 0) ? a - b : b | a;");
        String loops = """
                void g(boolean done, java.util.Iterator<String> it) {
                    while (!done) { done = true; }
                    do { it.next(); } while (it.hasNext());
                    for (int i = 0; i < 3; i++) { }
                }""";
        assertThat(negate.points(loops)).isEqualTo(3);
        assertThat(negate.apply(loops, 0)).contains("while (done) {");
        assertThat(negate.apply(loops, 1)).contains("} while (!it.hasNext());");
        assertThat(negate.apply(loops, 2)).contains("for (int i = 0; !(i < 3); i++)");
    }

    private static String applyWithSeed(String members, int point, long seed) {
        CompilationUnit unit = com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter.setup(
                new JavaParser().parse("class S {\n" + members + "\n}\n").getResult().orElseThrow());
        BlockStmt body = unit.findFirst(MethodDeclaration.class).orElseThrow().getBody().orElseThrow();
        MutationOperator.binaryOperatorReplace().apply(body, point, new SplittableRandom(seed));
        return com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter.print(unit);
    }
}
