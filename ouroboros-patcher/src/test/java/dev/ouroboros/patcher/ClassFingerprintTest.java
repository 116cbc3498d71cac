package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fingerprint sees code and schema, not constant-pool layout, member order or debug attributes. */
class ClassFingerprintTest {

    private static byte[] compile(String members) {
        return InMemoryCompiler.compileClass("p.Print", "package p; public class Print {\n" + members + "\n}");
    }

    @Test
    void sameCodeWithOtherLinesAndMethodOrderHasTheSameFingerprint() {
        byte[] first = compile("int a() { return 1; }\nString b() { return \"b\"; }");
        byte[] second = compile("\n\n\nString b() {\n return \"b\";\n}\n\nint a() { return 1; }");

        assertThat(first).isNotEqualTo(second);
        assertThat(ClassFingerprint.of(first)).isEqualTo(ClassFingerprint.of(second));
    }

    @Test
    void changedBodyChangesTheFingerprint() {
        assertThat(ClassFingerprint.of(compile("int a() { return 1; }")))
                .isNotEqualTo(ClassFingerprint.of(compile("int a() { return 2; }")));
    }

    @Test
    void unreadableBytesAreRefused() {
        assertThatThrownBy(() -> ClassFingerprint.of(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("classFile is not a readable");
    }
}
