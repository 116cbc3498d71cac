package dev.ouroboros.genome.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a source root for {@code .java} files and names the top-level class each one declares by
 * its path, noting every directory or file that cannot be read instead of failing.
 */
public final class SourceScanner {

    /**
     * What one walk found.
     *
     * @param classNames binary names of the top-level classes, by path
     * @param unreadable paths that could not be read, with the reason
     */
    public record Scan(List<String> classNames, Map<Path, String> unreadable) {
    }

    private SourceScanner() {
    }

    /** Walks one root; never throws for unreadable content. */
    public static Scan scan(Path root) {
        List<String> names = new ArrayList<>();
        Map<Path, String> unreadable = new LinkedHashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (!attrs.isRegularFile() || !name.endsWith(".java") || name.equals("package-info.java")
                            || name.equals("module-info.java")) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (!Files.isReadable(file)) {
                        unreadable.put(file, "no read permission");
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    names.add(relative.substring(0, relative.length() - ".java".length()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.put(file, e.getClass().getSimpleName());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.put(root, e.getClass().getSimpleName());
        }
        return new Scan(names, unreadable);
    }
}
