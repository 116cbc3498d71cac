package dev.ouroboros.genome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.internal.CallGraphBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call that is another call's argument or receiver is resolved once, and the graph is the one
 * that resolving it twice (the old way) gives: the same regions, the same callees of every region,
 * the same class edges and the same resolution counts.
 */
class ResolveOnceTest {

    @TempDir
    Path root;

    @Test
    void thisJavaParserLetsAResolvedCallHandItsTypeOn() {
        assertThat(CallGraphBuilder.canResolveInnerCallsOnce())
                .as("JavaParserFacade's type cache key was not found: a JavaParser upgrade renamed it, and inner"
                        + " calls are resolved twice again (slower, same graph); update InnerCallTypes.facadeTypeKey")
                .isTrue();
    }

    @Test
    void graphIsTheSameAsResolvingInnerCallsTwice() throws IOException {
        write("calc/Units.java", """
                package calc;
                import java.util.List;
                public final class Units {
                    static int twice(int x) { return 2 * x; }
                    static long twice(long x) { return 2 * x; }
                    static String twice(String s) { return s + s; }
                    static int len(String s) { return s.trim().length(); }
                    static String name(Object o) { return o.getClass().getSimpleName(); }
                    static <T> T first(List<T> items) { return items.get(0); }
                    static int nested(String s) { return twice(len(twice(s.trim()))); }
                    static long widened(int i) { return twice(Math.max(i, twice(i))); }
                    static int generic(List<String> names) { return len(first(names)) + first(names).length(); }
                    static String chained(String s) { return new StringBuilder(twice(s)).append(len(s)).reverse().toString(); }
                    static int cast(Object o) { return len((String) o) + len(String.valueOf(twice(3))); }
                    static String reflective(Object o) { return twice(name(o.getClass())); }
                }
                """);
        write("calc/Meter.java", """
                package calc;
                public class Meter {
                    private final String label;
                    public Meter(String label) { this.label = Units.twice(label.strip()); }
                    public Meter() { this(Units.twice(Units.name(new Object()))); }
                    public int read() { return Units.len(label) + Units.twice(Units.len(label.toUpperCase())); }
                    int total(Meter other) { return read() + other.read() + Units.twice(other.read()); }
                }
                """);
        write("calc/Gauge.java", """
                package calc;
                public final class Gauge extends Meter {
                    @Override public int read() { return Units.nested(toString()) + super.read(); }
                    long sum() { return Units.widened(read()) + Units.twice((long) total(new Gauge())); }
                }
                """);

        DependencyGraph once = DependencyGraph.build(SourceGenome.of(List.of(root)), List.of(), true);
        // A fresh genome: the first build leaves resolved types in its parses' nodes.
        DependencyGraph twice = DependencyGraph.build(SourceGenome.of(List.of(root)), List.of(), false);

        assertThat(once.regionIds()).isEqualTo(twice.regionIds());
        assertThat(callees(once)).isEqualTo(callees(twice));
        assertThat(classEdges(once)).isEqualTo(classEdges(twice));
        assertThat(once.resolution().callSites()).isEqualTo(twice.resolution().callSites());
        assertThat(once.resolution().resolved()).isEqualTo(twice.resolution().resolved());
        assertThat(once.resolution().unresolvedByReason()).isEqualTo(twice.resolution().unresolvedByReason());
        // The fixture means something: nested calls reach their regions through dispatch too.
        assertThat(once.callees("calc.Units#nested(String)"))
                .containsExactly("calc.Units#len(String)", "calc.Units#twice(String)", "calc.Units#twice(int)");
        assertThat(once.callees("calc.Gauge#sum()")).contains("calc.Units#widened(int)", "calc.Units#twice(long)",
                "calc.Gauge#read()", "calc.Meter#total(Meter)");
        assertThat(once.callers("calc.Gauge#read()")).contains("calc.Meter#total(Meter)");
    }

    private static Map<String, java.util.Set<String>> callees(DependencyGraph graph) {
        Map<String, java.util.Set<String>> out = new TreeMap<>();
        graph.regionIds().forEach(id -> out.put(id, graph.callees(id)));
        return out;
    }

    private static Map<String, java.util.Set<String>> classEdges(DependencyGraph graph) {
        Map<String, java.util.Set<String>> out = new TreeMap<>();
        graph.classNames().forEach(c -> out.put(c, graph.dependenciesOf(c)));
        return out;
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
