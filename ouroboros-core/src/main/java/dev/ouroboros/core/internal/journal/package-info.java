/**
 * The durable layer under the engine's state: an append-only JSON Lines journal with per-record
 * checksums and fsync at commit points, the content-addressed store of class bytes, and the tiny JSON
 * codec both use. Not API; the public views ({@code MutationHistory}, {@code WinnerRegistry},
 * {@code EvolutionStatistics}) are rebuilt from it by {@code EngineState}.
 */
package dev.ouroboros.core.internal.journal;
