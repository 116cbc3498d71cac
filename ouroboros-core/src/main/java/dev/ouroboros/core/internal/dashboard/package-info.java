/**
 * The live dashboard: a small HTTP server (the JDK's {@code com.sun.net.httpserver}) that shows the
 * running engine's cycle, approval queue and history, and lets a person approve or reject a winner.
 *
 * <p>It binds to loopback unless configured otherwise; every action that changes the program is a POST
 * that must carry the random token the engine printed at start. {@code docs/dashboard.md} describes the
 * pages and the security model.
 */
package dev.ouroboros.core.internal.dashboard;
