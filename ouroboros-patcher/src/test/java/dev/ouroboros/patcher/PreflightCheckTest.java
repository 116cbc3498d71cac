package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Each redefinition rule, shown with two class files that javac really produces. */
class PreflightCheckTest {

    private static final String NAME = "p.Sample";

    private static byte[] sample(String members) {
        return sample("public class Sample", members);
    }

    private static byte[] sample(String header, String members) {
        return InMemoryCompiler.compileClass(NAME, "package p;\n" + header + " {\n" + members + "\n}\n");
    }

    private static final String BASE = """
            private int count;
            private String label = "x";
            public int value() { return 1; }
            int helper() { return count; }
            public int twice(int n) { return n * 2; }
            """;

    @Test
    void bodyOnlyChangeIsRedefinable() {
        byte[] changed = sample(BASE.replace("return 1;", "int k = count + 41; return k;"));

        PreflightReport report = PreflightCheck.check(sample(BASE), changed);

        assertThat(report.redefinable()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.className()).isEqualTo(NAME);
    }

    @Test
    void debugOnlyChangeIsRedefinable() {
        byte[] original = sample(BASE);
        byte[] shifted = sample("\n\n// moved down by a comment\n\n" + BASE);

        assertThat(shifted).isNotEqualTo(original);
        assertThat(PreflightCheck.check(original, shifted).redefinable()).isTrue();
    }

    @Test
    void addedMethodIsRefusedAndNamed() {
        PreflightReport report = PreflightCheck.check(sample(BASE), sample(BASE + "public int extra() { return 2; }"));

        assertThat(report.redefinable()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("extra()I");
            assertThat(v.rule()).isEqualTo("method-added");
            assertThat(v.message()).contains("cannot add methods");
        });
        assertThat(report.describe()).startsWith("class p.Sample: extra()I: method-added: ");
    }

    @Test
    void removedMethodIsRefusedAndNamed() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("int helper() { return count; }", "")));

        assertThat(report.violations()).extracting(PreflightViolation::member, PreflightViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("helper()I", "method-removed"));
    }

    @Test
    void changedSignatureIsARemovedAndAnAddedMethod() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("public int twice(int n) { return n * 2; }", "public long twice(int n) { return n * 2L; }")));

        assertThat(report.violationsOf(PreflightRule.METHOD_REMOVED)).extracting(PreflightViolation::member)
                .containsExactly("twice(I)I");
        assertThat(report.violationsOf(PreflightRule.METHOD_ADDED)).extracting(PreflightViolation::member)
                .containsExactly("twice(I)J");
    }

    @Test
    void changedMethodModifiersAreRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("public int value()", "public synchronized int value()")));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("value()I");
            assertThat(v.rule()).isEqualTo("method-modifiers-changed");
        });
    }

    @Test
    void addedFieldIsRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE), sample(BASE + "private long cache;"));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("cache:J");
            assertThat(v.rule()).isEqualTo("field-added");
        });
    }

    @Test
    void removedFieldIsRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("private String label = \"x\";", "")));

        assertThat(report.violationsOf(PreflightRule.FIELD_REMOVED)).extracting(PreflightViolation::member)
                .containsExactly("label:Ljava/lang/String;");
    }

    @Test
    void changedFieldTypeIsRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("private int count;", "private long count;").replace("return count;", "return (int) count;")));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("count:I");
            assertThat(v.rule()).isEqualTo("field-type-changed");
            assertThat(v.message()).contains("int").contains("long");
        });
    }

    @Test
    void changedFieldModifiersAreRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample(BASE.replace("private int count;", "private volatile int count;")));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("count:I");
            assertThat(v.rule()).isEqualTo("field-modifiers-changed");
        });
    }

    @Test
    void reorderedFieldsAreRefused() {
        String reordered = BASE.replace("private int count;\n", "").replace("private String label = \"x\";",
                "private String label = \"x\";\nprivate int count;");

        PreflightReport report = PreflightCheck.check(sample(BASE), sample(reordered));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("count:I");
            assertThat(v.rule()).isEqualTo("field-order-changed");
        });
    }

    @Test
    void changedSuperclassIsRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE), sample("public class Sample extends Thread", BASE));

        assertThat(report.violationsOf(PreflightRule.SUPERCLASS_CHANGED)).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo(NAME);
            assertThat(v.message()).contains("java.lang.Object").contains("java.lang.Thread");
        });
    }

    @Test
    void changedInterfacesAreRefused() {
        String members = BASE + "public void run() {}";

        PreflightReport report = PreflightCheck.check(sample(members),
                sample("public class Sample implements Runnable", members));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo(NAME);
            assertThat(v.rule()).isEqualTo("interfaces-changed");
            assertThat(v.message()).contains("java.lang.Runnable");
        });
    }

    @Test
    void changedClassModifiersAreRefused() {
        PreflightReport report = PreflightCheck.check(sample(BASE), sample("public final class Sample", BASE));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo(NAME);
            assertThat(v.rule()).isEqualTo("class-modifiers-changed");
        });
    }

    @Test
    void anotherClassNameIsRefused() {
        byte[] other = InMemoryCompiler.compileClass("p.Other", "package p; public class Other {" + BASE + "}");

        PreflightReport report = PreflightCheck.check(sample(BASE), other);

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("class-name-changed");
            assertThat(v.message()).contains("p.Other");
        });
    }

    @Test
    void renumberedLambdaIsRefusedWithBothNames() {
        String before = """
                public Runnable bar() { return null; }
                public java.util.function.Supplier<Integer> foo() { return () -> 1; }
                """;
        String after = before.replace("return null;", "return () -> { };");

        PreflightReport report = PreflightCheck.check(sample(before), sample(after));

        assertThat(report.violationsOf(PreflightRule.METHOD_REMOVED)).extracting(PreflightViolation::member)
                .containsExactly("lambda$foo$0()Ljava/lang/Integer;");
        assertThat(report.violationsOf(PreflightRule.METHOD_ADDED)).extracting(PreflightViolation::member)
                .containsExactlyInAnyOrder("lambda$foo$1()Ljava/lang/Integer;", "lambda$bar$0()V");
        assertThat(report.violations()).allSatisfy(v -> assertThat(v.message()).contains("renumbers"));
    }

    @Test
    void addedNestedClassChangesNestMembers() {
        PreflightReport report = PreflightCheck.check(sample(BASE), sample(BASE + "static final class Memo { }"));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo(NAME);
            assertThat(v.rule()).isEqualTo("nest-members-changed");
            assertThat(v.message()).contains("p.Sample$Memo");
        });
    }

    @Test
    void changedNestHostIsRefused() {
        byte[] nested = InMemoryCompiler.compile("p.Outer", "package p; class Outer { static class Inner { } }")
                .get("p.Outer$Inner");
        byte[] topLevel = InMemoryCompiler.compileClass("p.Outer$Inner", "package p; class Outer$Inner { }");

        PreflightReport report = PreflightCheck.check(nested, topLevel);

        assertThat(report.violationsOf(PreflightRule.NEST_HOST_CHANGED)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("p.Outer").contains("none"));
    }

    @Test
    void reorderedRecordComponentsAreRefused() {
        byte[] before = InMemoryCompiler.compileClass("p.Point", "package p; public record Point(int x, int y) { }");
        byte[] after = InMemoryCompiler.compileClass("p.Point", "package p; public record Point(int y, int x) { }");

        PreflightReport report = PreflightCheck.check(before, after);

        assertThat(report.violationsOf(PreflightRule.RECORD_COMPONENTS_CHANGED)).singleElement()
                .satisfies(v -> assertThat(v.member()).isEqualTo("p.Point"));
        assertThat(report.violationsOf(PreflightRule.FIELD_ORDER_CHANGED)).hasSize(1);
    }

    @Test
    void changedPermittedSubclassesAreRefused() {
        String before = """
                package p;
                public sealed interface Shape permits Circle { }
                final class Circle implements Shape { }
                final class Square { }
                """;
        String after = before.replace("permits Circle", "permits Circle, Square")
                .replace("final class Square {", "final class Square implements Shape {");

        PreflightReport report = PreflightCheck.check(InMemoryCompiler.compile("p.Shape", before).get("p.Shape"),
                InMemoryCompiler.compile("p.Shape", after).get("p.Shape"));

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.member()).isEqualTo("p.Shape");
            assertThat(v.rule()).isEqualTo("permitted-subclasses-changed");
            assertThat(v.message()).contains("p.Square");
        });
    }

    @Test
    void everyBrokenRuleIsReportedNotOnlyTheFirst() {
        PreflightReport report = PreflightCheck.check(sample(BASE),
                sample("public final class Sample", BASE + "private long cache; public int extra() { return 2; }"));

        assertThat(report.violations()).extracting(PreflightViolation::rule)
                .containsExactlyInAnyOrder("class-modifiers-changed", "field-added", "method-added");
    }

    @Test
    void unreadableBytesGiveAViolationInsteadOfAnException() {
        byte[] garbage = "not a class file".getBytes(StandardCharsets.UTF_8);

        PreflightReport report = PreflightCheck.check(sample(BASE), garbage);

        assertThat(report.violations()).singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("class-file-unreadable"));
    }

    @Test
    void emptyBytesAreRejectedAtTheEdge() {
        assertThatThrownBy(() -> PreflightCheck.check(new byte[0], sample(BASE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("oldBytes must not be empty");
    }

    @Property(tries = 8)
    void anyChangeOfReturnedConstantsIsRedefinable(@ForAll @IntRange(min = -1000, max = 1000) int a,
            @ForAll @IntRange(min = -1000, max = 1000) int b) {
        byte[] left = sample(BASE.replace("return 1;", "return " + a + ";"));
        byte[] right = sample(BASE.replace("return 1;", "return " + b + " + count;"));

        assertThat(PreflightCheck.check(left, right).violations()).isEmpty();
        assertThat(PreflightCheck.check(right, left).violations()).isEmpty();
    }
}
