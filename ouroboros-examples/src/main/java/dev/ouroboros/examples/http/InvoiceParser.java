package dev.ouroboros.examples.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of an invoice request: one {@code sku,quantity,price-cents} line per article.
 *
 * <p>Written the way such code often is: every line is first cleaned with a regular expression, so that
 * blanks typed around the commas do not matter. The clients of the real service send such blanks; the
 * unit tests were written with clean lines only.
 */
public final class InvoiceParser {

    private InvoiceParser() {
    }

    /** Parses the lines of the body; blank lines are skipped. */
    public static List<InvoiceLine> parse(String body) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (String raw : body.split("\n")) {
            String line = raw;
            line = line.replaceAll("\\s+", "");
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            lines.add(new InvoiceLine(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2])));
        }
        return lines;
    }
}
