package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.genome.GenomeChecksum;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStateTest {

    @TempDir
    Path tmp;

    private static final byte[] CLASS_A = "pretend class bytes of com.acme.A".getBytes(StandardCharsets.UTF_8);

    static Winner winner(String id, byte[] bytes, boolean applied) {
        return new Winner(id, "string-builder-in-loop", "com.acme.A#run()", "--- a\n+++ b\n", 1.8, 0.9, 2.0e6, 1.1e6,
                Map.of("com.acme.A", GenomeChecksum.sha256(bytes)), applied);
    }

    @Test
    void historyIsQueryableAndSurvivesReopen() {
        Path dir = tmp.resolve("data");
        List<HistoryEntry> before;
        try (EngineState state = EngineState.open(dir)) {
            MutationHistory h = state.history();
            h.append("c1", "m1", "op-a", "r1", HistoryStatus.COMPILE_FAILED, "A.java:3: error: ';' expected", Double.NaN, 7);
            h.append("c1", "r2", 7, new CandidateReport("m2", "op-b", CandidateStage.FASTER, "median 2 ms -> 1 ms", 2.0));
            h.append("c2", "m3", "op-a", "r2", HistoryStatus.NOT_FASTER, "", 1.01, 8);
            before = h.entries();
            assertThat(before).extracting(HistoryEntry::sequence).containsExactly(1L, 2L, 3L);
            assertThat(h.byRegion("r2")).extracting(HistoryEntry::candidateId).containsExactly("m2", "m3");
            assertThat(h.byOperator("op-a")).extracting(HistoryEntry::candidateId).containsExactly("m1", "m3");
            assertThat(before.get(1).status()).isEqualTo(HistoryStatus.FASTER);
            assertThat(before.get(0).timed()).isFalse();
        }
        try (EngineState again = EngineState.open(dir)) {
            assertThat(again.history().entries()).isEqualTo(before);
            assertThat(again.repairs()).isEmpty();
            assertThat(again.lastSequence()).isEqualTo(3);
        }
    }

    @Test
    void approvalTransitionsAreMoreRecordsAndTheLatestWins() {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            MutationHistory h = state.history();
            h.append("c1", "m1", "op-a", "r1", HistoryStatus.FASTER, "2x", 2.0, 1);
            h.append("c1", "m2", "op-b", "r1", HistoryStatus.FASTER, "3x", 3.0, 1);
            h.transition("m1", HistoryStatus.PENDING_APPROVAL, "approval=manual");
            h.transition("m2", HistoryStatus.PENDING_APPROVAL, "approval=manual");
            h.transition("m2", HistoryStatus.REJECTED, "rejected by alice");
            assertThat(h.latestWithStatus(HistoryStatus.PENDING_APPROVAL)).extracting(HistoryEntry::candidateId)
                    .containsExactly("m1");
        }
        try (EngineState state = EngineState.open(dir)) {
            MutationHistory h = state.history();
            assertThat(h.latestWithStatus(HistoryStatus.PENDING_APPROVAL)).extracting(HistoryEntry::candidateId)
                    .containsExactly("m1");
            HistoryEntry approved = h.transition("m1", HistoryStatus.APPROVED, "approved by bob");
            assertThat(approved.sequence()).isEqualTo(6);
            assertThat(approved.speedup()).isEqualTo(2.0);
            assertThat(approved.operator()).isEqualTo("op-a");
            assertThat(h.latest("m1")).hasValue(approved);
            assertThat(h.latestWithStatus(HistoryStatus.PENDING_APPROVAL)).isEmpty();
            assertThatThrownBy(() -> h.transition("nope", HistoryStatus.APPROVED, ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        }
    }

    @Test
    void journalLinesAreVersionedJsonWithSequenceTypeTimeAndChecksum() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            state.history().append("c1", "m1", "op-a", "r1", HistoryStatus.TESTS_FAILED, "expected \"a\"\nbut was ü",
                    Double.NaN, 42);
        }
        List<String> lines = JournalFiles.lines(dir);
        assertThat(lines).hasSize(1);
        String line = lines.get(0);
        assertThat(line).startsWith("{\"v\":1,\"seq\":1,\"type\":\"candidate\",\"time\":\"")
                .contains("\"detail\":\"expected \\\"a\\\"\\nbut was ü\"", "\"speedup\":null", "\"seed\":42")
                .matches(".*,\"crc\":\"[0-9a-f]{8}\"}$");
        // The checksum is CRC32C of the line without its crc member, as the docs say.
        String canonical = line.substring(0, line.lastIndexOf(",\"crc\":\"")) + "}";
        assertThat(JournalFiles.seal(canonical)).isEqualTo(line + "\n");
        assertThat(Files.readString(dir.resolve("ouroboros-data.properties"))).contains("format=1");
    }

    @Test
    void winnerBytesAreStoredByHashAndVerifiedWhenReadBack() throws Exception {
        Path dir = tmp.resolve("data");
        Winner w = winner("m1", CLASS_A, false);
        try (EngineState state = EngineState.open(dir)) {
            state.winners().record(w, Map.of("com.acme.A", CLASS_A));
            state.winners().markApplied("m1", true);
        }
        Path stored = dir.resolve("classes").resolve(GenomeChecksum.sha256(CLASS_A) + ".class");
        assertThat(stored).hasBinaryContent(CLASS_A);
        try (EngineState state = EngineState.open(dir)) {
            assertThat(state.winners().winners()).hasSize(1);
            assertThat(state.winners().applied()).extracting(Winner::candidateId).containsExactly("m1");
            assertThat(state.winners().winner("m1").orElseThrow().diff()).isEqualTo(w.diff());
            assertThat(state.winners().classBytes("m1").get("com.acme.A")).isEqualTo(CLASS_A);
            state.winners().markApplied("m1", false);
            assertThat(state.winners().applied()).isEmpty();
        }
        byte[] corrupt = Arrays.copyOf(CLASS_A, CLASS_A.length);
        corrupt[3] ^= 1;
        Files.write(stored, corrupt);
        try (EngineState state = EngineState.open(dir)) {
            assertThatThrownBy(() -> state.winners().classBytes("m1")).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining(stored.toString()).hasMessageContaining("corrupt")
                    .satisfies(e -> assertThat(((DataDirectoryException) e).path()).isEqualTo(stored));
            Files.delete(stored);
            assertThatThrownBy(() -> state.winners().classBytes("m1")).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining(stored.toString()).hasMessageContaining("missing");
        }
    }

    @Test
    void winnerWhoseBytesDoNotMatchItsHashIsRefusedAndNothingIsWritten() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            Winner w = winner("m1", CLASS_A, true);
            assertThatThrownBy(() -> state.winners().record(w, Map.of("com.acme.A", new byte[] {1, 2, 3})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.acme.A");
            assertThatThrownBy(() -> state.winners().record(w, Map.of("com.acme.B", CLASS_A)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.acme.B");
            assertThat(state.winners().winners()).isEmpty();
            assertThat(state.lastSequence()).isZero();
        }
        assertThat(JournalFiles.lines(dir)).isEmpty();
        assertThat(dir.resolve("classes")).doesNotExist();
    }

    @Test
    void foreignDirectoryIsRefusedNamingItsPathAndLeftUntouched() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.jpg"), "not ours");
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("holiday.jpg")
                .hasMessageContaining("not an Ouroboros data directory");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("holiday.jpg");
        }
    }

    @Test
    void lostJournalBesideStoredClassesIsRefusedInsteadOfStartingAnEmptyHistory() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            state.winners().record(winner("m1", CLASS_A, true), Map.of("com.acme.A", CLASS_A));
        }
        Files.delete(JournalFiles.journal(dir));
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining(JournalFiles.journal(dir).toString()).hasMessageContaining("is missing");
        assertThat(JournalFiles.journal(dir)).doesNotExist();
    }

    @Test
    void journalThatIsNotOursIsRefusedAndLeftUntouchedEvenBesideOurMarker() throws Exception {
        Path dir = tmp.resolve("data");
        EngineState.open(dir).close();
        Files.writeString(JournalFiles.journal(dir), "hello, world\n");
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("line 1 is not an Ouroboros journal record");
        assertThat(JournalFiles.journal(dir)).hasContent("hello, world");
    }

    @Test
    void concurrentAppendsGetContiguousSequencesInJournalOrder() throws Exception {
        Path dir = tmp.resolve("data");
        int threads = 4;
        int each = 25;
        List<HistoryEntry> live;
        try (EngineState state = EngineState.open(dir)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String op = "op-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        state.history().append("c", op + "-" + i, op, "r", HistoryStatus.NOT_FASTER, "", 1.0, i);
                        if (i % 5 == 0) {
                            state.history().transition(op + "-" + i, HistoryStatus.SKIPPED, "");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            live = state.history().entries();
        }
        int total = threads * (each + each / 5);
        assertThat(live).extracting(HistoryEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
        try (EngineState again = EngineState.open(dir)) {
            assertThat(again.history().entries()).isEqualTo(live);
            assertThat(again.statistics().operator("op-2").candidates()).isEqualTo(each);
        }
    }

    @Test
    void newerMarkerFormatIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve("ouroboros-data.properties"), "format=2\n");
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining(dir.resolve("ouroboros-data.properties").toString())
                .hasMessageContaining("newer Ouroboros").hasMessageContaining("format=2");
    }

    @Test
    void newerRecordVersionIsRefusedNamingLineAndSequence() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            state.history().append("c1", "m1", "op-a", "r1", HistoryStatus.NOT_FASTER, "", 1.0, 1);
        }
        String future = JournalFiles.seal("{\"v\":2,\"seq\":2,\"type\":\"candidate\",\"time\":\"2030-01-01T00:00:00Z\"}");
        Files.writeString(JournalFiles.journal(dir), future, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining(JournalFiles.journal(dir).toString())
                .hasMessageContaining("line 2 (sequence 2)").hasMessageContaining("newer Ouroboros");
    }

    @Test
    void unknownRecordTypeWithValidChecksumIsRefusedNamingLineAndSequence() throws Exception {
        Path dir = tmp.resolve("data");
        EngineState.open(dir).close();
        Files.writeString(JournalFiles.journal(dir),
                JournalFiles.seal("{\"v\":1,\"seq\":1,\"type\":\"holiday\",\"time\":\"2030-01-01T00:00:00Z\"}"));
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("line 1 (sequence 1, type holiday)").hasMessageContaining("unknown record type");
    }

    @Test
    void missingRecordInTheMiddleIsRefusedAsASequenceGap() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState state = EngineState.open(dir)) {
            for (int i = 0; i < 3; i++) {
                state.history().append("c1", "m" + i, "op-a", "r1", HistoryStatus.NOT_FASTER, "", 1.0, i);
            }
        }
        List<String> lines = JournalFiles.lines(dir);
        Files.writeString(JournalFiles.journal(dir), lines.get(0) + "\n" + lines.get(2) + "\n");
        assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("line 2 has sequence 3 but 2 was expected");
    }

    @Test
    void secondEngineOnTheSameDirectoryIsRefusedWhileTheFirstHoldsIt() {
        Path dir = tmp.resolve("data");
        try (EngineState first = EngineState.open(dir)) {
            assertThatThrownBy(() -> EngineState.open(dir)).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining("in use by another engine");
            first.history().append("c1", "m1", "op-a", "r1", HistoryStatus.NOT_FASTER, "", 1.0, 1);
        }
        try (EngineState second = EngineState.open(dir)) {
            assertThat(second.history().entries()).hasSize(1);
        }
    }

    @Test
    void readOnlySnapshotReadsAHeldDirectoryLeavesAPartialLineAloneAndRefusesWrites() throws Exception {
        Path dir = tmp.resolve("data");
        try (EngineState engine = EngineState.open(dir)) {
            engine.history().append("c1", "m1", "op-a", "r1", HistoryStatus.NOT_FASTER, "", 1.0, 1);
            engine.history().append("c1", "m2", "op-a", "r1", HistoryStatus.FASTER, "", 2.0, 1);
            // A record half written by the running engine at the moment the snapshot is read.
            Files.writeString(JournalFiles.journal(dir), "{\"v\":1,\"seq\":3,\"ty", StandardOpenOption.APPEND);
            byte[] before = Files.readAllBytes(JournalFiles.journal(dir));
            try (EngineState snapshot = EngineState.openReadOnly(dir)) {
                assertThat(snapshot.history().entries()).extracting(HistoryEntry::candidateId).containsExactly("m1", "m2");
                assertThat(snapshot.lastSequence()).isEqualTo(2);
                assertThat(snapshot.repairs()).singleElement().asString()
                        .contains("left out an incomplete last line", "line 3", "nothing was changed");
                assertThatThrownBy(() -> snapshot.history().append("c1", "m3", "op-a", "r1", HistoryStatus.NOT_FASTER,
                        "", 1.0, 1)).isInstanceOf(DataDirectoryException.class).hasMessageContaining("read-only snapshot");
            }
            assertThat(Files.readAllBytes(JournalFiles.journal(dir))).isEqualTo(before);
        }
        assertThatThrownBy(() -> EngineState.openReadOnly(tmp.resolve("absent"))).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("is not an Ouroboros data directory");
        assertThat(tmp.resolve("absent")).doesNotExist();
    }

    @Test
    void invalidEntryIsRefusedBeforeAnythingReachesTheJournal() {
        try (EngineState state = EngineState.open(tmp.resolve("data"))) {
            assertThatThrownBy(() -> state.history().append("c1", "m1", "op", "r", HistoryStatus.FASTER, null, 1.0, 1))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("detail");
            assertThatThrownBy(() -> state.history().append("c1", "m1", "op", "r", HistoryStatus.FASTER, "",
                    Double.POSITIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speedup");
            assertThat(state.lastSequence()).isZero();
        }
    }

    @Test
    void statisticsCountEachCandidateOnceByTheFurthestItGot() {
        try (EngineState state = EngineState.open(tmp.resolve("data"))) {
            MutationHistory h = state.history();
            h.append("c1", "a1", "op-a", "r", HistoryStatus.COMPILE_FAILED, "", Double.NaN, 1);
            h.append("c1", "a2", "op-a", "r", HistoryStatus.TESTS_FAILED, "", Double.NaN, 1);
            h.append("c1", "a3", "op-a", "r", HistoryStatus.NOT_FASTER, "", 1.0, 1);
            h.append("c1", "a4", "op-a", "r", HistoryStatus.FASTER, "", 2.0, 1);
            h.transition("a4", HistoryStatus.APPLIED, "");
            h.transition("a4", HistoryStatus.ROLLED_BACK, "regression");
            h.append("c1", "b1", "op-b", "r", HistoryStatus.SKIPPED, "stopped", Double.NaN, 1);
            h.append("c1", "b2", "op-b", "r", HistoryStatus.NOT_REDEFINABLE, "adds a field", Double.NaN, 1);

            EvolutionStatistics stats = state.statistics();
            assertThat(stats.operator("op-a")).isEqualTo(new EvolutionStatistics.Counts("op-a", 4, 3, 2, 1, 1));
            assertThat(stats.operator("op-b")).isEqualTo(new EvolutionStatistics.Counts("op-b", 1, 1, 0, 0, 0));
            assertThat(stats.successRates()).containsEntry("op-a", 0.25).containsEntry("op-b", 0.0);
            assertThat(stats.operator("op-c").successRate()).isZero();
        }
    }

    @Test
    void everyCascadeStageMapsToTheStatusOfTheSameName() {
        for (CandidateStage stage : CandidateStage.values()) {
            assertThat(HistoryStatus.of(stage).name()).isEqualTo(stage.name());
        }
    }
}
