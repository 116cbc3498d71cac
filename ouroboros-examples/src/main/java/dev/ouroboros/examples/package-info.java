/**
 * What the runnable examples share: their command-line options. Each example lives in its own package
 * ({@code demo}, {@code embedding}, {@code http}) and runs with one Maven command (see docs/examples.md).
 */
package dev.ouroboros.examples;
