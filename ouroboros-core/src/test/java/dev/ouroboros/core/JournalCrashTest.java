package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of issue 8's durability: a real JVM appending to a data directory is killed with
 * {@code Process.destroyForcibly()} (SIGKILL on Linux) at seeded random moments, 20 times on the same
 * directory, and after every kill the directory reopens, replays to a consistent state and holds every
 * record the killed program had acknowledged.
 */
class JournalCrashTest {

    private static final int KILLS = 20;
    private static final long SEED = 20_261_126L;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void killedWriterNeverLosesAnAcknowledgedRecordAndTheDirectoryReopensEveryTime() throws Exception {
        Path dir = tmp.resolve("data");
        SplittableRandom random = new SplittableRandom(SEED);
        Map<Long, String> acknowledged = new TreeMap<>();
        int repairs = 0;
        for (int run = 0; run < KILLS; run++) {
            Path stderr = tmp.resolve("writer-" + run + ".err");
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), JournalCrashWriter.class.getName(),
                    dir.toString(), Long.toString(random.nextLong()), Integer.toString(run))
                    .redirectError(stderr.toFile()).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            List<String> all = new ArrayList<>();
            Thread reader = new Thread(() -> readLines(writer, lines, all), "crash-writer-stdout-" + run);
            reader.start();

            String first = awaitFirstAck(writer, lines, stderr);
            // Kill at a seeded random moment while it appends: sometimes at once, sometimes after many records.
            long pauseMicros = random.nextLong(0, 150_000);
            TimeUnit.MICROSECONDS.sleep(pauseMicros);
            writer.destroyForcibly();
            assertThat(writer.waitFor(20, TimeUnit.SECONDS)).as("the writer dies").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(first).startsWith("ACK ");

            long openedAt;
            synchronized (all) {
                openedAt = all.stream().filter(l -> l.startsWith("OPEN ")).mapToLong(l -> Long.parseLong(l.split(" ")[1]))
                        .findFirst().orElseThrow();
                for (String line : all) {
                    // A line cut by the kill lacks its final " ." and proves nothing; complete ones were acknowledged.
                    if (line.startsWith("ACK ") && line.endsWith(" .")) {
                        String[] parts = line.split(" ");
                        String previous = acknowledged.put(Long.parseLong(parts[1]), parts[2] + " " + parts[3]);
                        assertThat(previous).as("sequence %s was acknowledged twice", parts[1]).isNull();
                    }
                }
            }
            long lastBeforeRun = acknowledged.keySet().stream().filter(s -> s <= openedAt).mapToLong(Long::longValue)
                    .max().orElse(0);
            assertThat(openedAt).as("run %d reopened after the previous kill with every acknowledged record", run)
                    .isGreaterThanOrEqualTo(lastBeforeRun);

            try (EngineState state = EngineState.open(dir)) {
                repairs += state.repairs().size();
                assertEveryAcknowledgedRecordIsThere(state, acknowledged);
                List<HistoryEntry> history = state.history().entries();
                List<Winner> winners = state.winners().winners();
                state.close();
                try (EngineState again = EngineState.open(dir)) {
                    assertThat(again.repairs()).as("a repaired journal reopens clean").isEmpty();
                    assertThat(again.history().entries()).isEqualTo(history);
                    assertThat(again.winners().winners()).isEqualTo(winners);
                }
            }
        }
        long winnersAcked = acknowledged.values().stream().filter(v -> v.endsWith(" W")).count();
        System.out.printf("crash test: %d kills, %d acknowledged records (%d winners), %d torn tails repaired%n",
                KILLS, acknowledged.size(), winnersAcked, repairs);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS);
        assertThat(winnersAcked).as("winners with class bytes were written and killed too").isPositive();
        try (var files = Files.list(dir.resolve("classes"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files survive a reopen")
                    .allMatch(n -> n.matches("[0-9a-f]{64}\\.class"));
        }
    }

    private static void assertEveryAcknowledgedRecordIsThere(EngineState state, Map<Long, String> acknowledged) {
        Map<Long, HistoryEntry> bySequence = state.history().entries().stream()
                .collect(Collectors.toMap(HistoryEntry::sequence, Function.identity()));
        List<Long> sequences = new ArrayList<>(bySequence.keySet());
        assertThat(sequences).isSorted();
        long last = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        assertThat(state.lastSequence()).isGreaterThanOrEqualTo(last);
        acknowledged.forEach((seq, what) -> {
            String candidate = what.split(" ")[0];
            if (what.endsWith(" W")) {
                assertThat(state.winners().winner(candidate)).as("acknowledged winner %s (sequence %d)", candidate, seq)
                        .isPresent();
            } else {
                HistoryEntry e = bySequence.get(seq);
                assertThat(e).as("acknowledged history entry %d (%s)", seq, candidate).isNotNull();
                assertThat(e.candidateId()).isEqualTo(candidate);
                if (what.endsWith(" T")) {
                    assertThat(e.status()).isEqualTo(HistoryStatus.APPROVED);
                }
            }
        });
        // Bytes are stored before the record that names them: every recorded winner's bytes are there and verify.
        for (Winner w : state.winners().winners()) {
            Map<String, byte[]> bytes = state.winners().classBytes(w.candidateId());
            assertThat(bytes.keySet()).isEqualTo(w.classSha256().keySet());
        }
    }

    private static String awaitFirstAck(Process writer, BlockingQueue<String> lines, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("ACK ")) {
                return line;
            }
            if (line == null && !writer.isAlive() && lines.isEmpty()) {
                fail("the writer exited with " + writer.exitValue() + " before its first acknowledgement: "
                        + Files.readString(stderr));
            }
        }
        writer.destroyForcibly();
        return fail("the writer acknowledged nothing within 30 s: " + Files.readString(stderr));
    }

    private static void readLines(Process writer, BlockingQueue<String> lines, List<String> all) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (all) {
                    all.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the writer is killed; what was read is all that was acknowledged.
        }
    }
}
