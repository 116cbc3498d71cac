package dev.ouroboros.mutation;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real source root on disk with a real genome over it, for tests. */
final class SourceTree {

    private final Path root;

    SourceTree(Path root) {
        this.root = root;
    }

    /** Writes the source of a top-level class and returns this tree. */
    SourceTree write(String className, String source) {
        Path file = root.resolve(className.replace('.', '/') + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SourceGenome genome() {
        return SourceGenome.of(List.of(root));
    }

    Path root() {
        return root;
    }

    /** Returns the region of the only method of that name in the class. */
    GenomeRegion region(String className, String method) {
        List<GenomeRegion> regions = genome().regionsOf(className, method);
        if (regions.size() != 1) {
            throw new IllegalArgumentException("expected one " + method + " in " + className + ", found " + regions);
        }
        return regions.get(0);
    }
}
