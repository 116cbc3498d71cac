package dev.ouroboros.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser's unit tests, run by the engine against every candidate. Like many real tests they were
 * written with clean lines only: nothing here sends a blank after a comma.
 */
class InvoiceParserTest {

    @Test
    void readsEveryLine() {
        assertThat(InvoiceParser.parse("SKU-1,2,150\nSKU-2,-1,99\n")).containsExactly(
                new InvoiceLine("SKU-1", 2, 150), new InvoiceLine("SKU-2", -1, 99));
    }

    @Test
    void skipsBlankLines() {
        assertThat(InvoiceParser.parse("SKU-1,1,100\n\nSKU-2,1,200")).extracting(InvoiceLine::sku)
                .containsExactly("SKU-1", "SKU-2");
    }

    @Test
    void largeOrderKeepsEveryLine() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            body.append("SKU-").append(i).append(',').append(1 + i % 7).append(',').append(100 + i).append('\n');
        }
        List<InvoiceLine> lines = InvoiceParser.parse(body.toString());
        assertThat(lines).hasSize(50_000);
        assertThat(lines.get(49_999)).isEqualTo(new InvoiceLine("SKU-49999", 1 + 49_999 % 7, 100 + 49_999));
    }
}
