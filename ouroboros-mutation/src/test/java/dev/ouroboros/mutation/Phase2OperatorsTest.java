package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Output and refusals of the phase-2 operators on small methods written as text. */
class Phase2OperatorsTest {

    private static OperatorHarness op(String name) {
        return new OperatorHarness(MutationOperator.named(name));
    }

    @Test
    void statementSwapExchangesTwoStatementsAndTheTypedVariantOnlyPairsTheSameKind() {
        String method = """
                void f(List<String> out) {
                    out.add("a");
                    if (out.isEmpty()) return;
                    out.add("b");
                }""";
        // Three statements, each with a partner; the return inside the if is not in a statement list.
        assertThat(op("statement-swap").points(method)).isEqualTo(3);
        String swapped = op("statement-swap-same-type").apply(method, 0);
        assertThat(swapped).containsSubsequence("out.add(\"b\");", "if (out.isEmpty()) return;", "out.add(\"a\");");
        // The if has no partner of its own kind.
        assertThat(op("statement-swap-same-type").points(method)).isEqualTo(2);
    }

    @Test
    void statementCopyNeverCopiesLambdasAnonymousClassesOrAsserts() {
        String method = """
                void f(List<Runnable> out, int x) {
                    out.add(() -> {});
                    out.add(new Runnable() { public void run() { } });
                    assert x > 0;
                    out.add(List::of == null ? null : null);
                    x++;
                }""";
        assertThat(op("statement-copy").points(method)).isEqualTo(1);
        assertThat(op("statement-copy").apply(method, 0)).containsOnlyOnce("assert x > 0;").contains("x++;");
        assertThat(op("statement-replace").points(method)).isEqualTo(4);
    }

    @Test
    void jumpsAreInsertedOnlyWhereLegalAndReturnTheTypeDefault() {
        String method = """
                int f(int[] xs) {
                    int n = 0;
                    for (int x : xs) {
                        n += x;
                    }
                    Runnable r = () -> { System.out.println(); };
                    return n;
                }""";
        assertThat(op("insert-break").points(method)).isEqualTo(1);
        assertThat(op("insert-continue").apply(method, 0)).contains("continue;\n").contains("n += x;");
        // int n, for, n += x, Runnable r, return n; not the statement inside the lambda.
        assertThat(op("insert-return").points(method)).as("not inside the lambda").isEqualTo(5);
        assertThat(op("insert-return").apply(method, 0)).containsSubsequence("{\n", "return 0;\n", "int n = 0;");
        assertThat(op("insert-guarded-return").points(method)).as("no condition to copy").isZero();
        String guarded = """
                boolean g(String s) {
                    while (s.length() > 3) { s = s.substring(1); }
                    return s.isEmpty();
                }""";
        assertThat(op("insert-guarded-return").apply(guarded, 1))
                .containsSubsequence("while (s.length() > 3)", "if (s.length() > 3)", "return false;", "return s.isEmpty();");
    }

    @Test
    void unaryOperatorIsReplacedWithinItsFamily() {
        Set<String> seen = new HashSet<>();
        for (int point = 0; point < 2; point++) {
            seen.add(op("unary-operator-replace").apply("int f(int i) { i++; return -i; }", point));
        }
        assertThat(seen).hasSize(2).allMatch(s -> s.matches("(?s).*(\\+\\+i|--i|i--|i\\+\\+).*(-i|\\+i|~i).*"));
        assertThat(op("unary-operator-replace").points("boolean f(boolean b) { return !b; }")).isZero();
    }

    @Test
    void conditionReorderSwapsOperandsButNotPatternBindings() {
        assertThat(op("condition-reorder").apply("boolean f(String s) { return s != null && s.isEmpty(); }", 0))
                .contains("return s.isEmpty() && s != null;");
        assertThat(op("condition-reorder").points(
                "boolean f(Object o) { return o instanceof String s && s.isEmpty(); }")).isZero();
    }

    @Test
    void strengthReductionOnlyForProvenIntOrLongTimesPowerOfTwo() {
        OperatorHarness sr = op("strength-reduction");
        assertThat(sr.apply("int f(int x) { return 1 + x * 4; }", 0)).contains("return 1 + (x << 2);");
        assertThat(sr.apply("long f(long x) { long y = 1024 * x; return y; }", 0)).contains("long y = x << 10;");
        assertThat(sr.points("int f(int x) { return x * 3 + x / 2; }")).as("not a power of two, division").isZero();
        assertThat(sr.points("int f(short x) { return x * 2; }")).isZero();
        assertThat(sr.points("int x; int f() { return x * 2; }")).as("a field").isZero();
        assertThat(sr.points("double f(double x) { return x * 2; }")).isZero();
        assertThat(sr.points("long f(int x) { return x * 2L; }")).as("long literal").isZero();
    }

    @Test
    void constantFoldingComputesWithJavaIntArithmetic() {
        OperatorHarness cf = op("constant-folding");
        assertThat(cf.apply("int f() { return 60 * 60 * 24; }", 0)).contains("return 3600 * 24;");
        assertThat(cf.apply("int f(int a) { return a + (1 << 31); }", 0)).contains("return a + (-2147483648);");
        assertThat(cf.apply("int f(int a) { return a - 2147483647 * 2; }", 0)).contains("return a - (-2);");
        assertThat(cf.points("int f() { return 1 / 0 + 2 % 0; }")).isZero();
        assertThat(cf.points("long f() { return 1L + 2L; }")).as("long literals are not folded").isZero();
        assertThat(cf.points("String f() { return \"a\" + 1 + 2; }")).isZero();
    }

    @Test
    void deadBranchesAreRemovedOnlyWhenTheyCanNeverRun() {
        OperatorHarness db = op("dead-branch-elimination");
        assertThat(db.apply("void f(List<String> l) { l.add(\"a\"); if (false) { l.clear(); } l.add(\"b\"); }", 0))
                .doesNotContain("if", "clear").contains("l.add(\"a\");", "l.add(\"b\");");
        assertThat(db.apply("int f() { if ((false)) return 1; else { return 2; } }", 0)).contains("{ return 2; }")
                .doesNotContain("return 1");
        assertThat(db.points("void f() { if (true) return; }")).as("if (true) without else").isZero();
        assertThat(db.points("void f(List<Runnable> l) { if (false) l.add(() -> {}); }")).as("drops a lambda").isZero();
    }

    @Test
    void enhancedForOverAnArrayBecomesIndexedWithAFreshIndex() {
        OperatorHarness ef = op("enhanced-for-to-indexed");
        String out = ef.apply("int f(int[] xs, int i) { int s = 0; for (int x : xs) { s += x * i; } return s; }", 0);
        assertThat(out).contains("for (int i2 = 0; i2 < xs.length; i2++) {", "int x = xs[i2];", "s += x * i;");
        assertThat(ef.points("int f(int[] xs) { for (int x : xs) { xs = null; } return 0; }")).isZero();
        assertThat(ef.apply("int f(int... xs) { int s = 0; for (int x : xs) s += x; return s; }", 0))
                .contains("for (int i = 0; i < xs.length; i++) {", "int x = xs[i];", "s += x;");
        assertThat(ef.points("int f(List<Integer> xs) { int s = 0; for (int x : xs) s += x; return s; }")).isZero();
        assertThat(ef.points("int[] xs; int f() { int s = 0; for (int x : xs) s += x; return s; }")).isZero();
    }

    @Test
    void arrayListIsPresizedOnlyRightBeforeALoopOverAnArray() {
        OperatorHarness pa = op("presize-array-list");
        assertThat(pa.apply("List<String> f(String[] xs) { List<String> l = new ArrayList<>(); for (String x : xs) l.add(x); return l; }", 0))
                .contains("List<String> l = new ArrayList<>(xs.length);");
        assertThat(pa.points("List<String> f(List<String> xs) { List<String> l = new ArrayList<>(); for (String x : xs) l.add(x); return l; }"))
                .as("not an array").isZero();
        assertThat(pa.points("List<String> f(String[] xs) { List<String> l = new ArrayList<>(4); for (String x : xs) l.add(x); return l; }"))
                .as("already sized").isZero();
        assertThat(pa.points("List<String> f(String[] xs) { List<String> l = new ArrayList<>(); l.add(\"a\"); for (String x : xs) l.add(x); return l; }"))
                .as("not the next statement").isZero();
    }

    @Test
    void linkedListBecomesArrayListOnlyWhenNobodyCanTell() {
        OperatorHarness ll = op("linked-list-to-array-list");
        assertThat(ll.apply("int f() { List<String> l = new LinkedList<>(); l.add(\"a\"); return l.size(); }", 0))
                .contains("List<String> l = new ArrayList<>();");
        assertThat(ll.points("List<String> f() { List<String> l = new LinkedList<>(); return l; }")).as("returned").isZero();
        assertThat(ll.points("void f(List<Object> o) { List<String> l = new LinkedList<>(); o.add(l); }")).as("stored").isZero();
        assertThat(ll.points("void f() { LinkedList<String> l = new LinkedList<>(); l.add(\"a\"); }")).as("declared LinkedList").isZero();
        assertThat(ll.points("Object f() { List<String> l = new LinkedList<>(); return l.getClass(); }")).isZero();
        assertThat(ll.points("void f() { List<String> l = new LinkedList<>(); for (String s : l) { l.add(s); } }"))
                .as("modified while iterating").isZero();
        assertThat(ll.points("void f() { List<String> l = new LinkedList<>(); Runnable r = () -> l.clear(); }"))
                .as("captured").isZero();
    }
}
