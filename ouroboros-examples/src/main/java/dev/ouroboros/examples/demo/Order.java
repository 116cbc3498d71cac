package dev.ouroboros.examples.demo;

/**
 * One order of the demo shop.
 *
 * @param id          order number
 * @param customer    customer name as typed, commas and quotes included
 * @param amountCents amount in cents, negative for refunds
 */
public record Order(long id, String customer, long amountCents) {
}
