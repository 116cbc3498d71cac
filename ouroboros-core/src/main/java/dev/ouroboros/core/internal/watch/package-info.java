/**
 * The regression watch after a swap: probes that count the calls, failures and time of the patched
 * methods in the host JVM, the instrumented copies of the class files that feed them, and the swap
 * sequence that lets the patcher's {@code RegressionWatch} judge a winner on the program's real work.
 * Not API.
 */
package dev.ouroboros.core.internal.watch;
