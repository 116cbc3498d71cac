package dev.ouroboros.examples.http;

import java.util.List;

/**
 * Renders an invoice as the plain-text document the service returns.
 *
 * <p>The service's hot code: the document grows with {@code +=} inside the loop, so every line copies
 * the whole document built so far. Fine for the five-line invoices it was tested with by hand;
 * quadratic on the large wholesale orders the service really gets.
 */
public final class InvoiceRenderer {

    private InvoiceRenderer() {
    }

    /** One line per article with its amount, then the total; amounts as decimals. */
    public static String render(String customer, List<InvoiceLine> lines) {
        String text = "INVOICE for " + customer + "\n";
        long total = 0;
        for (InvoiceLine line : lines) {
            long amount = line.quantity() * line.priceCents();
            total += amount;
            text += line.sku() + " x" + line.quantity() + " @ " + money(line.priceCents()) + " = " + money(amount) + "\n";
        }
        text += "TOTAL " + money(total) + "\n";
        return text;
    }

    /** Formats cents as a decimal amount: 1234 becomes 12.34, -5 becomes -0.05. */
    static String money(long cents) {
        long abs = Math.abs(cents);
        long fraction = abs % 100;
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (fraction < 10 ? "0" : "") + fraction;
    }
}
