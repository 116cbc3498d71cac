/**
 * Renders the evolution report: one self-contained HTML page (inline CSS and SVG charts, no script and
 * nothing fetched at view time) from a snapshot of the engine's durable state. Not API; use
 * {@code dev.ouroboros.core.EvolutionReport}.
 */
package dev.ouroboros.core.internal.report;
