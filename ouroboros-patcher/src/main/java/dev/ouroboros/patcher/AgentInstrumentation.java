package dev.ouroboros.patcher;

import java.lang.instrument.Instrumentation;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Holds the JVM's {@link Instrumentation} for the whole process.
 *
 * <p>{@link OuroborosAgent} stores it when the program runs with {@code -javaagent}; a program that
 * embeds Ouroboros as a plain dependency gets one through {@link #obtain()}, which attaches an agent to
 * its own JVM through Byte Buddy.
 */
public final class AgentInstrumentation {

    private static final AtomicReference<Instrumentation> CURRENT = new AtomicReference<>();

    private AgentInstrumentation() {
    }

    /**
     * Stores the instrumentation; the first one stored wins and later calls are ignored.
     *
     * @param inst the JVM's instrumentation, never null
     */
    public static void install(Instrumentation inst) {
        Objects.requireNonNull(inst, "instrumentation must not be null");
        CURRENT.compareAndSet(null, inst);
    }

    /** Returns the stored instrumentation, or empty when no agent has started in this JVM. */
    public static Optional<Instrumentation> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Returns the stored instrumentation, or attaches an agent to this JVM and stores its instrumentation.
     *
     * @return the instrumentation, never null
     * @throws PatchRejectedException when no agent was given and self-attach is impossible
     */
    public static Instrumentation obtain() {
        Instrumentation inst = CURRENT.get();
        if (inst != null) {
            return inst;
        }
        try {
            install(ByteBuddyAgent.install());
        } catch (RuntimeException | LinkageError e) {
            throw new PatchRejectedException("no Instrumentation available: the program was started without"
                    + " -javaagent:<ouroboros-agent.jar> and attaching to the running JVM failed (" + e + ");"
                    + " start it with -javaagent, or on a JDK (not a JRE) allow self-attach - on JDK 21+ also"
                    + " pass -XX:+EnableDynamicAgentLoading", e);
        }
        return CURRENT.get();
    }
}
