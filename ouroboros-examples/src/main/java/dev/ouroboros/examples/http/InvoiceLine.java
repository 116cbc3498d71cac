package dev.ouroboros.examples.http;

/**
 * One line of an invoice request.
 *
 * @param sku        the article number as sent
 * @param quantity   how many, may be negative for returns
 * @param priceCents unit price in cents
 */
public record InvoiceLine(String sku, long quantity, long priceCents) {
}
