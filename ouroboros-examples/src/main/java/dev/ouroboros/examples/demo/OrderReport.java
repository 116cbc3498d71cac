package dev.ouroboros.examples.demo;

import java.util.List;

/**
 * Renders the daily order export as CSV.
 *
 * <p>This is the demo's hot code, written the way such code is often written: the report grows
 * with {@code +=} inside the loop, so every order copies the whole report built so far. It is
 * correct and fast on the ten-order files it was tested with, and quadratic on a real day's
 * export.
 */
public final class OrderReport {

    private OrderReport() {
    }

    /** Renders the orders as CSV with a header line; fields with commas or quotes are quoted. */
    public static String toCsv(List<Order> orders) {
        String csv = "id,customer,amount\n";
        for (Order order : orders) {
            csv += order.id() + "," + escape(order.customer()) + "," + formatAmount(order.amountCents()) + "\n";
        }
        return csv;
    }

    /** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
    static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Formats cents as a decimal amount: 1234 becomes 12.34, -5 becomes -0.05. */
    static String formatAmount(long cents) {
        long abs = Math.abs(cents);
        long fraction = abs % 100;
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (fraction < 10 ? "0" : "") + fraction;
    }
}
