package dev.ouroboros.arena.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Copies of the examples module's hot class ({@code OrderReport}), its data and its tests, as source
 * text, plus mutants of {@code OrderReport} of the kinds the mutation engine produces: correct
 * rewrites, wrong ones, ones the tests cannot tell apart, ones that do not compile and ones that
 * cannot be redefined.
 */
final class DemoSources {

    static final String PACKAGE = "dev.ouroboros.examples.demo";
    static final String REPORT = PACKAGE + ".OrderReport";
    static final String ORDER = PACKAGE + ".Order";
    static final String ORDERS = PACKAGE + ".Orders";
    static final String TEST = PACKAGE + ".OrderReportTest";

    static final String ORDER_SOURCE = """
            package dev.ouroboros.examples.demo;

            public record Order(long id, String customer, long amountCents) {
            }
            """;

    static final String ORDERS_SOURCE = """
            package dev.ouroboros.examples.demo;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.SplittableRandom;

            public final class Orders {
                private static final String[] NAMES = {"Ada Lovelace", "Grace Hopper", "Hopper, Grace", "Alan \\"The\\" Turing",
                    "Barbara Liskov", "Edsger Dijkstra", "Katherine Johnson", "Donald Knuth", "Frances Allen", "Tony Hoare"};

                private Orders() {
                }

                public static List<Order> sample(int count, long seed) {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<Order> orders = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        long amount = random.nextInt(10) == 0 ? -random.nextLong(5_000) : random.nextLong(250_000);
                        orders.add(new Order(100_000 + i, NAMES[random.nextInt(NAMES.length)], amount));
                    }
                    return orders;
                }
            }
            """;

    static final String REPORT_SOURCE = """
            package dev.ouroboros.examples.demo;

            import java.util.List;

            public final class OrderReport {

                private OrderReport() {
                }

                public static String toCsv(List<Order> orders) {
                    String csv = "id,customer,amount\\n";
                    for (Order order : orders) {
                        csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                    }
                    return csv;
                }

                static String escape(String field) {
                    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\\n') < 0) {
                        return field;
                    }
                    return '"' + field.replace("\\"", "\\"\\"") + '"';
                }

                static String formatAmount(long cents) {
                    long abs = Math.abs(cents);
                    long fraction = abs % 100;
                    return (cents < 0 ? "-" : "") + abs / 100 + "." + (fraction < 10 ? "0" : "") + fraction;
                }
            }
            """;

    static final String TEST_SOURCE = """
            package dev.ouroboros.examples.demo;

            import static org.assertj.core.api.Assertions.assertThat;

            import java.util.List;
            import java.util.StringJoiner;
            import org.junit.jupiter.api.Test;

            class OrderReportTest {

                @Test
                void noOrdersGiveTheHeaderOnly() {
                    assertThat(OrderReport.toCsv(List.of())).isEqualTo("id,customer,amount\\n");
                }

                @Test
                void everyOrderIsOneLineInOrder() {
                    String csv = OrderReport.toCsv(List.of(new Order(1, "Ada", 1234), new Order(2, "Grace", 5)));
                    assertThat(csv).isEqualTo("id,customer,amount\\n1,Ada,12.34\\n2,Grace,0.05\\n");
                }

                @Test
                void fieldsWithCommasOrQuotesAreQuoted() {
                    String csv = OrderReport.toCsv(List.of(new Order(7, "Hopper, Grace", 100), new Order(8, "Alan \\"The\\" Turing", 1)));
                    assertThat(csv.lines()).containsExactly("id,customer,amount", "7,\\"Hopper, Grace\\",1.00",
                            "8,\\"Alan \\"\\"The\\"\\" Turing\\",0.01");
                }

                @Test
                void refundsAreNegative() {
                    assertThat(OrderReport.formatAmount(-5)).isEqualTo("-0.05");
                    assertThat(OrderReport.formatAmount(-123456)).isEqualTo("-1234.56");
                    assertThat(OrderReport.formatAmount(0)).isEqualTo("0.00");
                }

                @Test
                void aFullDayExportHasEveryOrderExactlyOnceInOrder() {
                    List<Order> day = Orders.sample(2_000, 7);
                    StringJoiner expected = new StringJoiner("\\n", "id,customer,amount\\n", "\\n");
                    for (Order o : day) {
                        expected.add(o.id() + "," + OrderReport.escape(o.customer()) + "," + OrderReport.formatAmount(o.amountCents()));
                    }

                    assertThat(OrderReport.toCsv(day)).isEqualTo(expected.toString());
                }
            }
            """;

    private static final String LOOP = """
                    String csv = "id,customer,amount\\n";
                    for (Order order : orders) {
                        csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                    }
                    return csv;
            """;

    /** Linear: one StringBuilder. */
    static final String BUILDER = REPORT_SOURCE.replace(LOOP, """
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
    static final String SPLIT = REPORT_SOURCE.replace(LOOP, """
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
        m.add(new String[] {"fraction<=10 (survives: the tests cannot tell)", REPORT_SOURCE.replace("fraction < 10", "fraction <= 10")});
        m.add(new String[] {"escape-negated", REPORT_SOURCE.replace("field.indexOf(',') < 0", "field.indexOf(',') >= 0")});
        m.add(new String[] {"abs-removed", REPORT_SOURCE.replace("long abs = Math.abs(cents);", "long abs = cents;")});
        m.add(new String[] {"header-dropped", REPORT_SOURCE.replace("String csv = \"id,customer,amount\\n\";", "String csv = \"\";")});
        m.add(new String[] {"builder-sized", BUILDER.replace("new StringBuilder(\"id,customer,amount\\n\")",
                "new StringBuilder(orders.size() * 40).append(\"id,customer,amount\\n\")")});
        m.add(new String[] {"compile-error", REPORT_SOURCE.replace("return csv;", "return csv")});
        m.add(new String[] {"adds-a-field (not redefinable)", REPORT_SOURCE.replace("private OrderReport() {",
                "private static int exports;\n\n    private OrderReport() {")});
        m.add(new String[] {"minus-sign-dropped", REPORT_SOURCE.replace("(cents < 0 ? \"-\" : \"\")", "\"\"")});
        return m;
    }

    private DemoSources() {
    }
}
