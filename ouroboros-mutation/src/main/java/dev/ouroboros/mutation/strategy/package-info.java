/**
 * Mutation strategies: how the engine spends its candidate budget on a hot region. Each
 * {@link dev.ouroboros.mutation.strategy.MutationStrategy} picks edits its own way (uniformly, by
 * hot lines, by operator success, exhaustively, by combining earlier winners) and a
 * {@link dev.ouroboros.mutation.strategy.StrategyMix} shares the budget between them by their
 * multipliers; {@link dev.ouroboros.mutation.strategy.MutationBatch} applies several edits at once,
 * all or nothing.
 */
package dev.ouroboros.mutation.strategy;
