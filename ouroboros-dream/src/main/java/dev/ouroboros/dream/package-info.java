/**
 * Decides when Ouroboros may dream: it samples the machine's activity, runs the idle state machine with
 * hysteresis, and starts budgeted {@link dev.ouroboros.dream.DreamSession dream sessions} that are told to
 * stop within one sample when the user comes back.
 * Start with {@link dev.ouroboros.dream.DreamScheduler#builder()}; tests drive it with a
 * {@link dev.ouroboros.dream.ScriptedMetricsSource} instead of the OSHI-backed {@link dev.ouroboros.dream.ActivityMonitor}.
 */
package dev.ouroboros.dream;
