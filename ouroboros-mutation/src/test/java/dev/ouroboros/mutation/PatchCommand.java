package dev.ouroboros.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real {@code patch} program, to prove our diffs are accepted by the tools reviewers use. */
final class PatchCommand {

    private PatchCommand() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/patch"));
    }

    /**
     * Writes {@code oldText} to {@code dir/relativePath}, applies {@code diff} with {@code patch -p1}
     * in {@code dir} and returns the patched file's text; fails the test when patch refuses.
     */
    static String apply(Path dir, String relativePath, String oldText, String diff)
            throws IOException, InterruptedException {
        Path file = dir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, oldText, StandardCharsets.UTF_8);
        if (diff.isEmpty()) {
            return oldText;
        }
        Path patchFile = dir.resolve("change.diff");
        Files.writeString(patchFile, diff, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("patch", "-p1", "--quiet", "--batch", "--no-backup-if-mismatch",
                "-i", patchFile.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("patch finished").isTrue();
        assertThat(p.exitValue()).as("patch output: %s%ndiff:%n%s", output, diff).isZero();
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
