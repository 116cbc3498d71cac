package dev.ouroboros.arena.internal;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes sure a JMH fork can load the arena's harness and JMH itself. A fork gets exactly the host's
 * {@code java.class.path}; under {@code -javaagent} the arena and JMH live in the agent jar, which the JVM
 * appends to the system class loader but not to that property. For the length of a run the missing jars
 * are added to the property, then it is restored.
 */
public final class ForkClassPath {

    private ForkClassPath() {
    }

    /** Runs {@code work} with the code sources of {@code needed} on {@code java.class.path}. */
    public static synchronized <T> T with(Supplier<T> work, Class<?>... needed) {
        String before = System.getProperty("java.class.path", "");
        Set<String> entries = new LinkedHashSet<>();
        Arrays.stream(before.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .forEach(e -> entries.add(Path.of(e).toAbsolutePath().normalize().toString()));
        StringBuilder added = new StringBuilder();
        for (Class<?> c : needed) {
            String location = locationOf(c);
            if (location != null && entries.add(location)) {
                added.append(File.pathSeparator).append(location);
            }
        }
        if (added.length() == 0) {
            return work.get();
        }
        System.setProperty("java.class.path", before.isEmpty() ? added.substring(1) : before + added);
        try {
            return work.get();
        } finally {
            System.setProperty("java.class.path", before);
        }
    }

    private static String locationOf(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().toString();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
