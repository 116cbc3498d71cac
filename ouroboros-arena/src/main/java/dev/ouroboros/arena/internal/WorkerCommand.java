package dev.ouroboros.arena.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a sandbox worker JVM. */
public final class WorkerCommand {

    /** The JIT option of workers that serve correctness-only candidates (no timing rounds): C1 only. */
    public static final String TESTS_ONLY_JIT = "-XX:TieredStopAtLevel=1";

    private WorkerCommand() {
    }

    /**
     * @param marker    a system property name set to true first on the command line, so that {@code ps}
     *                  shows it even when a long class path truncates the command line
     * @param timing    true for a worker that times candidates (full tiered JIT), false for a
     *                  correctness-only one ({@link #TESTS_ONLY_JIT})
     */
    public static List<String> of(Path java, String marker, List<Path> classpath, boolean timing) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-D" + marker + "=true");
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.awt.headless=true");
        if (!timing) {
            // Correctness-only workers run each candidate's fresh classes a few times: C2 compilations of
            // code thrown away after a few calls never pay off (they took ~40% of the CPU). Workers that
            // time candidates keep the full tiered JIT, so that rounds measure code as production runs it.
            command.add(TESTS_ONLY_JIT);
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(SandboxWorker.class.getName());
        return command;
    }
}
