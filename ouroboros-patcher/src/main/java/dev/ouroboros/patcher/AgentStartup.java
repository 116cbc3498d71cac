package dev.ouroboros.patcher;

import java.lang.instrument.Instrumentation;

/**
 * What runs when the Ouroboros agent starts: {@link OuroborosAgent} finds every implementation through
 * {@link java.util.ServiceLoader} and hands it the agent options and the {@link Instrumentation}.
 *
 * <p>The engine registers one to start the evolution loop; the patcher itself registers none.
 */
public interface AgentStartup {

    /**
     * Starts the work of this extension inside the host JVM.
     *
     * @param agentArgs the text after {@code =} in {@code -javaagent:jar=args}; may be null
     * @param instrumentation the JVM's instrumentation, never null
     */
    void start(String agentArgs, Instrumentation instrumentation);
}
