package dev.ouroboros.patcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Starts a real JVM with the Ouroboros agent: builds a manifest-only agent jar whose classes come from
 * the test class path, runs a main class with {@code -javaagent}, and collects its output.
 */
final class ForkedJvm {

    /** What the forked JVM did. */
    record Outcome(int exitCode, String stdout, String stderr) {
        /** Returns the {@code fact key=value} lines printed by the child. */
        Map<String, String> facts() {
            Map<String, String> facts = new LinkedHashMap<>();
            for (String line : stdout.split("\\R")) {
                if (line.startsWith("fact ")) {
                    int eq = line.indexOf('=');
                    facts.put(line.substring(5, eq), line.substring(eq + 1));
                }
            }
            return facts;
        }
    }

    private ForkedJvm() {
    }

    /** Writes an agent jar whose manifest names {@link OuroborosAgent} and allows redefine and retransform. */
    static Path agentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", OuroborosAgent.class.getName());
        main.putValue("Agent-Class", OuroborosAgent.class.getName());
        main.putValue("Can-Redefine-Classes", "true");
        main.putValue("Can-Retransform-Classes", "true");
        Path jar = dir.resolve("ouroboros-test-agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The classes come from -cp; the jar only carries the manifest.
        }
        return jar;
    }

    /**
     * Runs {@code java -javaagent:<jar>=<agentArgs> -cp <test class path> <mainClass> <args>}.
     *
     * @param timeoutSeconds the child is killed after this many seconds
     */
    static Outcome run(Path agentJar, String agentArgs, Class<?> mainClass, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agentJar + (agentArgs == null ? "" : "=" + agentArgs),
                "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Path dir = agentJar.getParent();
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("forked JVM did not finish within " + timeoutSeconds + " s; stdout:\n"
                    + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
