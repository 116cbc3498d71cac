package dev.ouroboros.mutation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplyParserTest {

    private static final String SOURCE = """
            package p;

            class Counter {
                private int n;

                Counter(int start) {
                    n = start;
                    n = n + 0;
                }

                @Deprecated
                synchronized int next(int step) throws Exception {
                    n = n + 0;
                    return n += step;
                }
            }
            """;

    @TempDir
    Path dir;

    private final JavaParser parser = new JavaParser();
    private MemberSource next;
    private MemberSource constructor;

    @BeforeEach
    void setUp() throws Exception {
        Path file = dir.resolve("p/Counter.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
        SourceGenome genome = SourceGenome.of(List.of(dir));
        GenomeRegion region = genome.regionsOf("p.Counter", "next").get(0);
        next = MemberSource.of(parser, SOURCE, region);
        constructor = MemberSource.of(parser, SOURCE, genome.regionsOf("p.Counter", "<init>").get(0));
    }

    private ReplyParser.Result parse(String content, MemberSource source) {
        return ReplyParser.parse(parser, new LlmReply(content, "stop", 0, 0), source);
    }

    @Test
    void theMemberTextStartsAtItsAnnotationAndSplicesBackByteForByte() {
        assertThat(next.text()).startsWith("@Deprecated\n    synchronized int next").endsWith("}");
        assertThat(next.indent()).isEqualTo("    ");
        assertThat(next.splice(next.text())).isEqualTo(SOURCE);
    }

    @Test
    void aSearchTextFoundTwiceIsAmbiguousAndRejected() {
        // "n = " occurs in both statements of the constructor.
        String reply = "<<<<<<< SEARCH\nn = \n=======\nn += \n>>>>>>> REPLACE\n";
        assertThat(parse(reply, constructor).rejection()).startsWith("SEARCH block 1 matches more than one place");
        assertThat(parse("<<<<<<< SEARCH\nn = n + 0;\n=======\n", next).rejection())
                .startsWith("malformed SEARCH/REPLACE: 1 SEARCH markers but 0 complete blocks");
    }

    @Test
    void anUnfencedWholeMethodIsAcceptedAndReindentedButModifiersAndAnnotationsMustStay() {
        ReplyParser.Result ok = parse("@Deprecated\nsynchronized int next(int step) throws Exception {\n"
                + "    return n += step;\n}", next);
        assertThat(ok.rejection()).isEmpty();
        assertThat(ok.form()).isEqualTo("whole-method");
        assertThat(ok.memberText()).isEqualTo("@Deprecated\n    synchronized int next(int step) throws Exception {\n"
                + "        return n += step;\n    }");
        ReplyParser.Result documented = parse("```java\n/** Faster. */\n// no copy\n@Deprecated\n"
                + "synchronized int next(int step) throws Exception {\n    return n += step;\n}\n```", next);
        assertThat(documented.memberText()).isEqualTo(ok.memberText());
        assertThat(parse("```java\nint next(int step) throws Exception {\n    return n += step;\n}\n```", next)
                .rejection()).startsWith("changed signature").contains("synchronized");
        assertThat(parse("```java\n@Deprecated\nsynchronized int next(int step) {\n    return n += step;\n}\n```", next)
                .rejection()).startsWith("changed signature");
    }

    @Test
    void aConstructorStaysAConstructorAndAnEmptyOrUnchangedReplyIsRejected() {
        assertThat(parse("```java\nCounter(int start) {\n    n = start;\n}\n```", constructor).accepted()).isTrue();
        assertThat(parse("```java\nint next(int step) {\n    return 0;\n}\n```", constructor).rejection())
                .startsWith("changed signature: the reply is a method");
        assertThat(parse("   ", next).rejection()).isEqualTo("empty reply");
        assertThat(parse("```java\n" + next.text() + "\n```", next).rejection()).isEqualTo("the reply changes nothing");
        assertThat(parse("```java\nint a;\n```\n```java\nint b;\n```", next).rejection())
                .startsWith("the reply holds 2 code blocks");
        assertThat(parse("```java\n@Deprecated\nsynchronized int next(int step) throws Exception {\n    return n", next)
                .rejection()).startsWith("truncated or malformed: an unterminated code block");
    }
}
