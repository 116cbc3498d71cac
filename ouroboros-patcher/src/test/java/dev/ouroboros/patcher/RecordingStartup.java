package dev.ouroboros.patcher;

import java.lang.instrument.Instrumentation;

/**
 * A test {@link AgentStartup} found through {@code META-INF/services}: it records what the agent handed
 * over, and fails on purpose when the agent options say {@code fail}.
 */
public final class RecordingStartup implements AgentStartup {

    static volatile String lastArgs;
    static volatile Instrumentation lastInstrumentation;

    @Override
    public void start(String agentArgs, Instrumentation instrumentation) {
        if ("fail".equals(agentArgs)) {
            throw new IllegalArgumentException("agent option 'fail' is not understood");
        }
        lastArgs = agentArgs;
        lastInstrumentation = instrumentation;
    }
}
