package dev.ouroboros.arena.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The examples module's hot class ({@code OrderReport}), its data and its tests, as source text read
 * from the checkout, plus mutants of {@code OrderReport} of the kinds the mutation engine produces: correct
 * rewrites, wrong ones, ones the tests cannot tell apart, ones that do not compile and ones that
 * cannot be redefined.
 */
final class DemoSources {

    static final String PACKAGE = "dev.ouroboros.examples.demo";
    static final String REPORT = PACKAGE + ".OrderReport";
    static final String ORDER = PACKAGE + ".Order";
    static final String ORDERS = PACKAGE + ".Orders";
    static final String TEST = PACKAGE + ".OrderReportTest";

    /**
     * The examples module's real sources, read from the checkout (the benchmarks run from the repository
     * root; {@code -Dbench.examples=DIR} points elsewhere), so the benchmarks measure the code the demo
     * runs, not a copy that drifts from it.
     */
    private static final Path EXAMPLES = Path.of(System.getProperty("bench.examples", "ouroboros-examples"));

    static final String ORDER_SOURCE = read("src/main/java", ORDER);
    static final String ORDERS_SOURCE = read("src/main/java", ORDERS);
    static final String REPORT_SOURCE = read("src/main/java", REPORT);
    static final String TEST_SOURCE = read("src/test/java", TEST);

    private static final String LOOP = """
                    String csv = "id,customer,amount\\n";
                    for (Order order : orders) {
                        csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                    }
                    return csv;
            """;

    /** Linear: one StringBuilder. */
    static final String BUILDER = edit(REPORT_SOURCE, LOOP, """
                    StringBuilder csv = new StringBuilder("id,customer,amount\\n");
                    for (Order order : orders) {
                        csv.append(order.id()).append(',').append(escape(order.customer())).append(',')
                                .append(formatAmount(order.amountCents())).append('\\n');
                    }
                    return csv.toString();
            """);

    /**
     * Still quadratic, but on two shorter strings: the last quarter of the orders grow a second string
     * that is appended once. Each {@code +=} copies less, so the export is a known, moderate amount faster.
     */
    static final String SPLIT = edit(REPORT_SOURCE, LOOP, """
                    String csv = "id,customer,amount\\n";
                    String tail = "";
                    int split = orders.size() * 3 / 4;
                    int i = 0;
                    for (Order order : orders) {
                        String line = order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                        if (i++ < split) {
                            csv += line;
                        } else {
                            tail += line;
                        }
                    }
                    return csv + tail;
            """);

    /** Mutants for the throughput run: {name, source}. */
    static List<String[]> mutants() {
        List<String[]> m = new ArrayList<>();
        m.add(new String[] {"builder", BUILDER});
        m.add(new String[] {"split", SPLIT});
        m.add(new String[] {"fraction<=10 (survives: the tests cannot tell)", edit(REPORT_SOURCE, "fraction < 10", "fraction <= 10")});
        m.add(new String[] {"escape-negated", edit(REPORT_SOURCE, "field.indexOf(',') < 0", "field.indexOf(',') >= 0")});
        m.add(new String[] {"abs-removed", edit(REPORT_SOURCE, "long abs = Math.abs(cents);", "long abs = cents;")});
        m.add(new String[] {"header-dropped", edit(REPORT_SOURCE, "String csv = \"id,customer,amount\\n\";", "String csv = \"\";")});
        m.add(new String[] {"builder-sized", edit(BUILDER, "new StringBuilder(\"id,customer,amount\\n\")",
                "new StringBuilder(orders.size() * 40).append(\"id,customer,amount\\n\")")});
        m.add(new String[] {"compile-error", edit(REPORT_SOURCE, "return csv;", "return csv")});
        m.add(new String[] {"adds-a-field (not redefinable)", edit(REPORT_SOURCE, "private OrderReport() {",
                "private static int exports;\n\n    private OrderReport() {")});
        m.add(new String[] {"minus-sign-dropped", edit(REPORT_SOURCE, "(cents < 0 ? \"-\" : \"\")", "\"\"")});
        return m;
    }

    private DemoSources() {
    }

    private static String read(String root, String className) {
        Path file = EXAMPLES.resolve(root).resolve(className.replace('.', '/') + ".java");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath()
                    + ": run the benchmark from the repository root or pass -Dbench.examples=<examples module dir>", e);
        }
    }

    /** Replaces exactly what is meant: a mutant that silently equals the original would skew every figure. */
    private static String edit(String source, String from, String to) {
        if (!source.contains(from)) {
            throw new IllegalStateException("the examples' source no longer contains '" + from.strip()
                    + "'; update the benchmark's mutants");
        }
        return source.replace(from, to);
    }
}
