package dev.ouroboros.mutation.strategy;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.SourceGenome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real source files on disk with a real genome over them, for the strategy tests. */
final class Corpus {

    static final String SCORE = "com.acme.Score";

    static final String SCORE_SOURCE = """
            package com.acme;

            import java.util.List;

            /** Scores numbers. */
            public final class Score {

                private final int limit;

                public Score(int limit) {
                    this.limit = limit;
                }

                public int total(List<Integer> values) {
                    int sum = 0;
                    int odd = 0;
                    for (int x : values) {
                        if (x % 2 == 0 && x > limit) {
                            sum += x * 2;
                        } else {
                            odd++;
                        }
                        if (sum > 1000) {
                            break;
                        }
                    }
                    while (odd > 3) {
                        odd -= 2;
                    }
                    return sum + odd;
                }

                public int tiny(int a) {
                    return a + 1;
                }
            }
            """;

    static final String OTHER = "com.acme.Other";

    static final String OTHER_SOURCE = """
            package com.acme;

            public final class Other {

                public static int twice(int a) {
                    int b = a * 2;
                    return b - 1;
                }
            }
            """;

    private final Path root;

    Corpus(Path dir) {
        this.root = dir.resolve("src");
        write(SCORE, SCORE_SOURCE);
        write(OTHER, OTHER_SOURCE);
    }

    Corpus write(String className, String source) {
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

    GenomeRegion region(String className, String method) {
        List<GenomeRegion> regions = genome().regionsOf(className, method);
        if (regions.size() != 1) {
            throw new IllegalArgumentException("expected one " + method + " in " + className + ", found " + regions);
        }
        return regions.get(0);
    }

    /** Returns the 1-based line of the first line of {@code text} that contains {@code fragment}. */
    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + fragment);
    }
}
