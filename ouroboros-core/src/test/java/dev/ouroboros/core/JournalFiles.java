package dev.ouroboros.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/** Test helpers that read and forge journal files independently of the production code. */
final class JournalFiles {

    private JournalFiles() {
    }

    static Path journal(Path dir) {
        return dir.resolve("journal.jsonl");
    }

    static List<String> lines(Path dir) throws IOException {
        return Files.readAllLines(journal(dir), StandardCharsets.UTF_8);
    }

    /** Seals canonical record text the way docs/durability.md describes: CRC32C of the text without the crc member. */
    static String seal(String canonical) {
        CRC32C crc = new CRC32C();
        crc.update(canonical.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().toHexDigits((int) crc.getValue());
        return canonical.substring(0, canonical.length() - 1) + ",\"crc\":\"" + hex + "\"}\n";
    }

    /** Byte offsets at which each line starts, plus the file length at the end. */
    static List<Integer> lineStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
