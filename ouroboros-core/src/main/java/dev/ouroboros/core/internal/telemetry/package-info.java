/**
 * Telemetry: the design's twelve markers as JFR events (category "Ouroboros", names
 * {@code dev.ouroboros.<Marker>}) and SLF4J lines, fed by the engine's listener fan-out.
 */
package dev.ouroboros.core.internal.telemetry;
