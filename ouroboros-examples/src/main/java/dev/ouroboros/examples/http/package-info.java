/**
 * The HTTP-service example: an invoice service on the JDK's {@code HttpServer} (loopback) under a steady
 * load generator, evolved live by the Ouroboros agent. It prints the p50/p90/p99 request latency before
 * and after the swap of its quadratic rendering, then forces a regression (a statement deletion that
 * passes the unit tests but fails on the clients' real input) and shows the regression watch rolling
 * it back by itself.
 *
 * <p>Run it with one command from the repository root (it builds everything first):
 * <pre>mvn -B -Phttp -DskipTests package</pre>
 * See {@code docs/examples.md}.
 */
package dev.ouroboros.examples.http;
