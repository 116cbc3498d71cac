package dev.ouroboros.core.internal;

import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.patcher.AgentStartup;
import java.lang.instrument.Instrumentation;

/**
 * Builds and starts the engine when the agent is attached; found by the patcher's agent entry
 * through {@link java.util.ServiceLoader}.
 *
 * <p>Agent mode is verbose by default (a line per stage on standard error) unless
 * {@code verbose=false} is given. Any problem becomes one {@code ouroboros:} line on standard error
 * and the host program starts normally.
 */
public final class EngineAgentStartup implements AgentStartup {

    @Override
    public void start(String agentArgs, Instrumentation instrumentation) {
        try {
            EvolutionConfig config = EvolutionConfig.fromAgentArgs(agentArgs);
            OuroborosEngine engine = OuroborosEngine.builder().config(config).instrumentation(instrumentation)
                    .name("agent").build();
            OuroborosEngine.attach(engine);
            if (config.reapply()) {
                engine.reapplyWinners().forEach(line -> System.err.println("ouroboros: " + line));
            }
            engine.start();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ouroboros: not started: " + e.getMessage() + " (the program runs on without Ouroboros)");
        }
    }
}
