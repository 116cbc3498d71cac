/**
 * Embedding Ouroboros as a library: a program that summarizes access logs builds its own
 * {@code OuroborosEngine} in {@code MANUAL} approval mode, runs a cycle, prints the winner waiting in the
 * approval queue and approves it through the API, then prints its throughput before and after.
 *
 * <p>Run it with {@code mvn -B -q -Pembedding -DskipTests package} from the repository root (see
 * {@code docs/examples.md}); no {@code -javaagent} is needed, the engine attaches to its own JVM.
 */
package dev.ouroboros.examples.embedding;
