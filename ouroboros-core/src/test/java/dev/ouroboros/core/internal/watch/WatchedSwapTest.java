package dev.ouroboros.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.arena.ClassFileVersion;
import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.core.fixture.Ledger;
import dev.ouroboros.patcher.AgentInstrumentation;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.RegressionPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The watched swap with a real agent and real redefinitions, for a class whose loader cannot see the
 * counters: it is swapped in without probes and the reason is given, never a NoClassDefFoundError.
 */
class WatchedSwapTest {

    @Test
    void classWhoseLoaderCannotSeeTheCountersIsSwappedInUnwatched() throws Exception {
        URL classes = Path.of(Ledger.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        try (URLClassLoader plugin = new URLClassLoader("plugin", new URL[] {classes},
                ClassLoader.getPlatformClassLoader());
                LivePatcher patcher = new LivePatcher(AgentInstrumentation.obtain())) {
            Class<?> copy = plugin.loadClass(Ledger.class.getName());
            Method total = copy.getMethod("totalCents", List.class);
            List<String> typed = List.of("acme, 1200", "globex, 300");
            assertThat(total.invoke(null, typed)).isEqualTo(1500L);
            byte[] winner = winnerBytes(patcher.currentBytes(copy));
            AtomicLong livePause = new AtomicLong(-1);

            WatchedSwap.Outcome outcome = new WatchedSwap(patcher, new RegressionPolicy(1.25, 0.001, 10,
                    Duration.ofMillis(100), 3), () -> false).apply(PatchBundle.of("plugin-winner",
                    new PatchOperation(copy, winner, "statement-delete")), livePause::set);

            assertThat(outcome.kind()).isEqualTo(WatchedSwap.Kind.UNWATCHED);
            assertThat(outcome.detail()).startsWith("not watched: the class loader of " + Ledger.class.getName())
                    .contains("'plugin'").contains("cannot see " + CallCounters.class.getName());
            assertThat(livePause.get()).isPositive();
            // Only the winner went in: no probed version, and the copy runs the winner's code.
            assertThat(patcher.versions().history(copy)).hasSize(2);
            assertThat(total.invoke(null, List.of("acme,1200", "globex,300"))).isEqualTo(1500L);
            assertThatThrownBy(() -> total.invoke(null, typed)).isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(NumberFormatException.class);
            patcher.rollbackLast();
            assertThat(total.invoke(null, typed)).isEqualTo(1500L);
        }
    }

    /** The fixture compiled without its cleaning statement, as the statement-delete operator makes it. */
    private static byte[] winnerBytes(byte[] running) throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/ouroboros/core/fixture/Ledger.java"));
        String mutated = source.replace("line = line.replaceAll(\"\\\\s+\", \"\");", "");
        assertThat(mutated).isNotEqualTo(source);
        try (InMemoryCompiler compiler = InMemoryCompiler.create()) {
            CompilationResult result = compiler.compile(Map.of(Ledger.class.getName(), mutated), List.of(),
                    ClassFileVersion.releaseOf(running));
            assertThat(result.success()).as(result.diagnostics().toString()).isTrue();
            return result.classes().get(Ledger.class.getName());
        }
    }
}
