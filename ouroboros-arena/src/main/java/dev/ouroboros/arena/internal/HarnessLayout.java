package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory that carries candidates from the host to a JMH fork, which inherits only the host's
 * {@code java.class.path}: {@code harness.properties} (candidate ids, the user's class path, the
 * workload) and {@code candidates/<id>/<pkg>/<Name>.class} for every candidate, the original included.
 *
 * @param directory     the root; the fork receives it as {@value #DIRECTORY_PROPERTY}
 * @param candidateIds  ids in run order
 * @param classpath     the user's application and test class path, searched after the harness's own
 * @param testClasses   binary names of the test classes for the default workload (may be empty with a workload class)
 * @param workloadClass binary name of a user {@code ArenaWorkload}, or empty for the JUnit workload
 */
public record HarnessLayout(Path directory, List<String> candidateIds, List<Path> classpath, List<String> testClasses,
        String workloadClass) {

    /** The system property that tells a JMH fork where the layout is. */
    public static final String DIRECTORY_PROPERTY = "ouroboros.jmh.dir";

    /** What a candidate id may look like: it is a directory name and a JMH parameter value. */
    public static final Pattern CANDIDATE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String PROPERTIES = "harness.properties";

    /** Copies the lists. */
    public HarnessLayout {
        candidateIds = List.copyOf(candidateIds);
        classpath = List.copyOf(classpath);
        testClasses = List.copyOf(testClasses);
    }

    /** Writes the properties and every candidate's classes (binary name to bytes) under {@code directory}. */
    public void write(Map<String, Map<String, byte[]>> classesById) throws IOException {
        Files.createDirectories(directory);
        Properties p = new Properties();
        p.setProperty("candidates", String.join(",", candidateIds));
        p.setProperty("classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        p.setProperty("test.classes", String.join(",", testClasses));
        p.setProperty("workload.class", workloadClass);
        try (OutputStream out = Files.newOutputStream(directory.resolve(PROPERTIES))) {
            p.store(out, "ouroboros JMH harness");
        }
        for (Map.Entry<String, Map<String, byte[]>> candidate : classesById.entrySet()) {
            Path root = candidateDirectory(candidate.getKey());
            for (Map.Entry<String, byte[]> c : candidate.getValue().entrySet()) {
                Path file = root.resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
        }
    }

    /** Reads the layout written by {@link #write} from {@code directory}. */
    public static HarnessLayout read(Path directory) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(PROPERTIES))) {
            p.load(in);
        }
        List<Path> classpath = split(p.getProperty("classpath", ""), java.io.File.pathSeparator).stream()
                .map(Path::of).toList();
        return new HarnessLayout(directory, split(p.getProperty("candidates", ""), ","), classpath,
                split(p.getProperty("test.classes", ""), ","), p.getProperty("workload.class", ""));
    }

    /** Where a candidate's class files are. */
    public Path candidateDirectory(String candidateId) {
        return directory.resolve("candidates").resolve(candidateId);
    }

    /** A candidate's classes read back from its directory, keyed by binary name. */
    public Map<String, byte[]> readClasses(String candidateId) throws IOException {
        Path root = candidateDirectory(candidateId);
        if (!Files.isDirectory(root)) {
            throw new IOException("no classes for candidate '" + candidateId + "' under " + root);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String relative = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                classes.put(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'),
                        Files.readAllBytes(f));
            }
        }
        return classes;
    }

    /**
     * A loader over the user's class path whose parent is {@code harnessLoader}; {@code harnessLoader}
     * itself when that class path is empty. The caller closes a new loader.
     */
    public ClassLoader userLoader(ClassLoader harnessLoader) throws IOException {
        if (classpath.isEmpty()) {
            return harnessLoader;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            urls.add(entry.toUri().toURL());
        }
        return new URLClassLoader("ouroboros-user-classpath", urls.toArray(URL[]::new), harnessLoader);
    }

    private static List<String> split(String value, String separator) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(Pattern.quote(separator)))
                .filter(s -> !s.isEmpty()).toList();
    }
}
