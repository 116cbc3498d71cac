package dev.ouroboros.patcher;

import java.lang.instrument.Instrumentation;
import java.util.ServiceLoader;

/**
 * The agent entry point named by the jar manifest ({@code Premain-Class}, {@code Agent-Class},
 * {@code Launcher-Agent-Class}).
 *
 * <p>It only stores the {@link Instrumentation} in {@link AgentInstrumentation} and hands over to every
 * {@link AgentStartup} on the agent's class path. It never throws: an exception out of {@code premain}
 * would stop the host program, so a failure prints one line starting with {@code "ouroboros: "} to
 * {@code System.err} and the program runs on without Ouroboros.
 */
public final class OuroborosAgent {

    private OuroborosAgent() {
    }

    /** Called by the JVM for {@code -javaagent:ouroboros-agent.jar=args} before {@code main}. */
    public static void premain(String args, Instrumentation inst) {
        start("premain", args, inst);
    }

    /** Called by the JVM when the agent is attached to a running program. */
    public static void agentmain(String args, Instrumentation inst) {
        start("agentmain", args, inst);
    }

    private static void start(String entry, String args, Instrumentation inst) {
        try {
            if (inst == null) {
                System.err.println("ouroboros: " + entry + " received no Instrumentation; start the program with"
                        + " -javaagent:<ouroboros-agent.jar> so that the JVM provides one");
                return;
            }
            AgentInstrumentation.install(inst);
            ServiceLoader<AgentStartup> startups = ServiceLoader.load(AgentStartup.class,
                    OuroborosAgent.class.getClassLoader());
            for (AgentStartup startup : startups) {
                runOne(startup, args, inst);
            }
        } catch (Throwable t) {
            System.err.println("ouroboros: agent " + entry + " failed (" + describe(t) + "); the program runs"
                    + " without Ouroboros - check the agent options and the META-INF/services entries of the"
                    + " agent jar");
        }
    }

    private static void runOne(AgentStartup startup, String args, Instrumentation inst) {
        try {
            startup.start(args, inst);
        } catch (Throwable t) {
            System.err.println("ouroboros: agent startup " + startup.getClass().getName() + " failed ("
                    + describe(t) + ") with agent options '" + args + "'; the program runs without it - fix"
                    + " the options after -javaagent:<jar>= or remove the agent");
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String text = message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
