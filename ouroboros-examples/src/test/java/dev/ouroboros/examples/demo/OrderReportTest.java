package dev.ouroboros.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The order export's own tests. Ouroboros runs exactly these against every candidate rewrite of
 * {@link OrderReport}, in a sandbox worker JVM, before anything is swapped in.
 */
class OrderReportTest {

    @Test
    void noOrdersGiveTheHeaderOnly() {
        assertThat(OrderReport.toCsv(List.of())).isEqualTo("id,customer,amount\n");
    }

    @Test
    void everyOrderIsOneLineInOrder() {
        String csv = OrderReport.toCsv(List.of(new Order(1, "Ada", 1234), new Order(2, "Grace", 5)));
        assertThat(csv).isEqualTo("id,customer,amount\n1,Ada,12.34\n2,Grace,0.05\n");
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        String csv = OrderReport.toCsv(List.of(new Order(7, "Hopper, Grace", 100), new Order(8, "Alan \"The\" Turing", 1)));
        assertThat(csv.lines()).containsExactly("id,customer,amount", "7,\"Hopper, Grace\",1.00",
                "8,\"Alan \"\"The\"\" Turing\",0.01");
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
        StringJoiner expected = new StringJoiner("\n", "id,customer,amount\n", "\n");
        for (Order o : day) {
            expected.add(o.id() + "," + OrderReport.escape(o.customer()) + "," + OrderReport.formatAmount(o.amountCents()));
        }

        assertThat(OrderReport.toCsv(day)).isEqualTo(expected.toString());
    }
}
