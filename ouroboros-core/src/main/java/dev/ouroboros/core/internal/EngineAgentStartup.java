package dev.ouroboros.core.internal;

import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.OuroborosEngine;
import dev.ouroboros.patcher.AgentStartup;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;

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
        if (launchedAsCommandLine()) {
            // java -jar ouroboros-agent.jar: the manifest's Launcher-Agent-Class ran agentmain only so that the
            // command line has the Instrumentation (already stored); the command line builds its own engine.
            return;
        }
        try {
            EvolutionConfig config = EvolutionConfig.fromAgentArgs(agentArgs);
            OuroborosEngine engine = OuroborosEngine.builder().config(config).instrumentation(instrumentation)
                    .name("agent").build();
            OuroborosEngine.attach(engine);
            if (config.reapply()) {
                // Off premain's thread: the regression watch needs the program running to measure its calls.
                Thread reapply = new Thread(() -> reapply(engine), "ouroboros-reapply");
                reapply.setDaemon(true);
                reapply.start();
            }
            engine.start();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ouroboros: not started: " + e.getMessage() + " (the program runs on without Ouroboros)");
        }
    }

    private static void reapply(OuroborosEngine engine) {
        try {
            engine.reapplyWinners().forEach(line -> System.err.println("ouroboros: " + line));
        } catch (RuntimeException | LinkageError e) {
            System.err.println("ouroboros: re-applying winners failed: " + e.getMessage()
                    + " (the program runs on its original code)");
        }
    }

    /**
     * True when this JVM was started as {@code java -jar <the jar holding this class>}: the launcher names the jar
     * first in {@code sun.java.command}, and the jar is the one the agent was loaded from.
     */
    static boolean launchedAsCommandLine() {
        String command = System.getProperty("sun.java.command", "").strip();
        try {
            CodeSource source = EngineAgentStartup.class.getProtectionDomain().getCodeSource();
            if (source == null || command.isEmpty()) {
                return false;
            }
            Path own = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(own)) {
                return false;
            }
            // The jar path may hold spaces: compare every prefix that ends where an argument could start.
            String ownName = own.getFileName().toString();
            int end = command.indexOf(ownName);
            while (end >= 0) {
                Path launched = Path.of(command.substring(0, end + ownName.length()));
                if (Files.isRegularFile(launched) && Files.isSameFile(launched, own)) {
                    return true;
                }
                end = command.indexOf(ownName, end + 1);
            }
            return false;
        } catch (URISyntaxException | IOException | InvalidPathException | SecurityException e) {
            return false;
        }
    }
}
