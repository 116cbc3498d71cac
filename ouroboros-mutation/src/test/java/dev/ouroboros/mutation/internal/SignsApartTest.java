package dev.ouroboros.mutation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Text written over part of the original must not fuse with a sign next to it into another token:
 * {@code a+-b} with its {@code +} made a {@code -} reads {@code a--b}, which is {@code a--} followed by
 * {@code b} and no longer parses.
 */
class SignsApartTest {

    @Test
    void aSignWrittenNextToASignGetsABlank() {
        String original = "a+-b";
        // The binary "+" (offsets 1..2) becomes "-": a blank before "-b" keeps it a unary minus.
        assertThat(StatementListText.apart(original, 1, "-", 2)).isEqualTo("- ");
        // The unary "-" (offsets 2..3) becomes "+": a blank after the binary "+".
        assertThat(StatementListText.apart(original, 2, "+", 3)).isEqualTo(" +");
        // "i++" (0..3 of "i++-j") written as "--i": nothing to fuse with before; after it comes "-".
        assertThat(StatementListText.apart("i++-j", 0, "--i", 3)).isEqualTo("--i");
        assertThat(StatementListText.apart("-i++", 1, "--i", 4)).isEqualTo(" --i");
        assertThat(StatementListText.apart("x=i++-j", 2, "i--", 5)).isEqualTo("i-- ");
    }

    @Test
    void textThatCannotFuseIsWrittenAsItIs() {
        assertThat(StatementListText.apart("a + -b", 2, "-", 3)).isEqualTo("-");
        assertThat(StatementListText.apart("a*b", 1, "/", 2)).isEqualTo("/");
        assertThat(StatementListText.apart("(x * 8)", 1, "x << 3", 6)).isEqualTo("x << 3");
        assertThat(StatementListText.apart("-", 0, "", 1)).isEmpty();
    }
}
