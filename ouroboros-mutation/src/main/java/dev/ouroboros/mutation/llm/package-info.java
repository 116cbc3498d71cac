/**
 * LLM-guided mutation: {@link dev.ouroboros.mutation.llm.LlmGuidedMutator} asks a chat model for a
 * faster version of a hot method through an {@link dev.ouroboros.mutation.llm.LlmClient} (any
 * OpenAI-compatible chat-completions endpoint, or a replay of a recorded run) and turns each
 * acceptable reply into a candidate, recording why every other reply was rejected. LLM-written
 * candidates are untrusted code, judged only in sandbox workers like every other mutant.
 */
package dev.ouroboros.mutation.llm;
