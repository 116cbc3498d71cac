/**
 * The engine users touch: {@link dev.ouroboros.core.OuroborosEngine} runs evolution cycles,
 * {@link dev.ouroboros.core.EvolutionConfig} configures them from code, agent options or properties, and
 * {@link dev.ouroboros.core.EvolutionListener} reports every stage, and
 * {@link dev.ouroboros.core.EngineState} keeps the durable history, winners and decisions in the data
 * directory's journal. Results are plain records.
 */
package dev.ouroboros.core;
