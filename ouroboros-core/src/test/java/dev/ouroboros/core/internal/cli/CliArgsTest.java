package dev.ouroboros.core.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Option parsing and the usage errors it reports, in this JVM. */
class CliArgsTest {

    @Test
    void parsesValuesFlagsOperandsAndTheRestAfterDoubleDash() {
        CliArgs a = CliArgs.parse("evolve", List.of("--source", "src", "--cycles=3", "--dry-run", "op", "--", "--x", "y"),
                Set.of("source", "cycles"), Set.of("dry-run"));
        assertThat(a.value("source")).hasValue("src");
        assertThat(a.intValue("cycles", 1, 1)).isEqualTo(3);
        assertThat(a.flag("dry-run")).isTrue();
        assertThat(a.operands()).containsExactly("op");
        assertThat(a.rest()).containsExactly("--x", "y");
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrorsNamingThem() {
        assertThatThrownBy(() -> CliArgs.parse("history", List.of("--bogus"), Set.of(), Set.of("all")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bogus").hasMessageContaining("history");
        assertThatThrownBy(() -> CliArgs.parse("report", List.of("--out"), Set.of("out"), Set.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--out").hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CliArgs.parse("history", List.of("-x"), Set.of(), Set.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("'-x'");
        assertThatThrownBy(() -> CliArgs.parse("history", List.of("--all=yes"), Set.of(), Set.of("all")))
                .isInstanceOf(UsageException.class).hasMessageContaining("takes no value");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(CliArgs.parseDuration("t", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CliArgs.parseDuration("t", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(CliArgs.parseDuration("t", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(CliArgs.parseDuration("t", "250ms")).isEqualTo(Duration.ofMillis(250));
        for (String bad : List.of("", "5", "m5", "5x", "0s", "-1m", "5m junk")) {
            assertThatThrownBy(() -> CliArgs.parseDuration("time-budget", bad)).as(bad)
                    .isInstanceOf(UsageException.class).hasMessageContaining("--time-budget");
        }
    }

    @Test
    void numbersBelowTheirMinimumAreRefused() {
        CliArgs a = CliArgs.parse("evolve", List.of("--rounds", "3", "--cycles", "many"), Set.of("rounds", "cycles"), Set.of());
        assertThatThrownBy(() -> a.intValue("rounds", 10, 5)).hasMessageContaining("at least 5, was 3");
        assertThatThrownBy(() -> a.intValue("cycles", 1, 1)).hasMessageContaining("whole number, was 'many'");
    }

    @Test
    void runReturnsTwoWithTheUsageLineForUsageErrorsAndZeroForHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(OuroborosCli.run(new String[] {"evolve", "--source", "src"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(OuroborosCli.USAGE_LINE)
                .contains("evolve needs --classpath");
        err.reset();
        assertThat(OuroborosCli.run(new String[] {"help", "rollback"}, o, e)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ouroboros rollback <id>");
        assertThat(err.size()).isZero();
        assertThat(OuroborosCli.run(new String[] {"help", "nope"}, o, e)).isEqualTo(2);
    }
}
