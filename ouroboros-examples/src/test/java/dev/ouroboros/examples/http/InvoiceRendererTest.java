package dev.ouroboros.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer's unit tests, run by the engine against every candidate. */
class InvoiceRendererTest {

    @Test
    void rendersEveryLineAndTheTotal() {
        String invoice = InvoiceRenderer.render("acme", List.of(new InvoiceLine("SKU-1", 2, 150),
                new InvoiceLine("SKU-2", -1, 5)));
        assertThat(invoice).isEqualTo("INVOICE for acme\nSKU-1 x2 @ 1.50 = 3.00\nSKU-2 x-1 @ 0.05 = -0.05\nTOTAL 2.95\n");
    }

    @Test
    void emptyInvoiceHasAZeroTotal() {
        assertThat(InvoiceRenderer.render("acme", List.of())).isEqualTo("INVOICE for acme\nTOTAL 0.00\n");
    }

    @Test
    void wholesaleOrderKeepsEveryLine() {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            lines.add(new InvoiceLine("SKU-" + i, 1 + i % 5, 100 + i));
        }
        String invoice = InvoiceRenderer.render("wholesale", lines);
        assertThat(invoice.lines()).hasSize(3_002).contains("SKU-2999 x5 @ 30.99 = 154.95");
    }
}
