package dev.ouroboros.mutation;

/** The demo program's hot class, as text: the operator must rewrite its toCsv. */
final class Demo {

    static final String CLASS_NAME = "com.acme.OrderReport";

    static final String SOURCE = """
            package com.acme;

            import java.util.List;

            /**   The report the demo keeps rebuilding.   */
            public final class OrderReport {

                public record Order(long id, String customer, long amountCents) {}

                private OrderReport() {}

                // odd   formatting   stays   as   written
                static   int   unused ( int x ){ return x*2 ; }

                public static String toCsv(List<Order> orders) {
                    String csv = "id,customer,amount\\n";
                    for (Order order : orders) {
                        csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n";
                    }
                    return csv;
                }

                static String escape(String s) {
                    /* quote when needed */
                    if (s.contains(",") || s.contains("\\"")) {
                        return "\\"" + s.replace("\\"", "\\"\\"") + "\\"";
                    }
                    return s;
                }

                static String formatAmount(long cents) {
                    return (cents < 0 ? "-" : "") + Math.abs(cents / 100) + "." + String.format("%02d", Math.abs(cents % 100));
                }
            }
            """;

    static final String TO_CSV_REWRITTEN = """
                public static String toCsv(List<Order> orders) {
                    String csv = "id,customer,amount\\n";
                    StringBuilder csvBuilder = new StringBuilder(csv);
                    for (Order order : orders) {
                        csvBuilder.append(order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\\n");
                    }
                    csv = csvBuilder.toString();
                    return csv;
                }
            """;

    private Demo() {
    }
}
