package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.genome.GenomeChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/** Laws of the journal: it replays to the same state, drops a torn tail, refuses damage in the middle. */
class JournalReplayPropertiesTest {

    /** One thing the engine may do to its state. */
    sealed interface Step permits Evaluated, Transition, Recorded, Applied {
    }

    record Evaluated(String candidate, String operator, String region, HistoryStatus status, String detail,
            double speedup, long seed) implements Step {
    }

    record Transition(int candidateIndex, HistoryStatus status, String detail) implements Step {
    }

    record Recorded(String candidate, byte[] bytes, String diff, double speedup) implements Step {
    }

    record Applied(int winnerIndex, boolean applied) implements Step {
    }

    /** What a state looks like from the outside; equal snapshots mean equal states. */
    record Snapshot(List<HistoryEntry> history, List<Winner> winners, EvolutionStatistics statistics,
            Map<String, List<String>> bytesByWinner, long lastSequence) {
    }

    private static Path base;
    private static final int BASE_RECORDS = 6;

    @Property(tries = 25)
    void anySequenceOfRecordsReplaysToTheSameState(@ForAll("steps") List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("ouroboros-replay");
        try {
            Snapshot live;
            try (EngineState state = EngineState.open(dir.resolve("data"))) {
                apply(state, steps);
                live = snapshot(state);
            }
            try (EngineState replayed = EngineState.open(dir.resolve("data"))) {
                assertThat(snapshot(replayed)).isEqualTo(live);
                assertThat(replayed.history().entries()).isEqualTo(live.history());
                assertThat(replayed.winners().winners()).isEqualTo(live.winners());
                assertThat(replayed.statistics()).isEqualTo(live.statistics());
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 40)
    void tornTailOfAnyLengthIsDroppedAndEveryEarlierRecordSurvives(@ForAll @IntRange(min = 1, max = 100_000) int cut)
            throws IOException {
        byte[] full = Files.readAllBytes(JournalFiles.journal(base()));
        List<Integer> starts = JournalFiles.lineStarts(full);
        int lastStart = starts.get(BASE_RECORDS - 1);
        int tornLength = 1 + cut % (full.length - lastStart - 1); // 1 .. whole last line without its newline
        Path dir = Files.createTempDirectory("ouroboros-torn");
        try {
            Path data = dir.resolve("data");
            JournalFiles.copyDirectory(base(), data);
            Files.write(JournalFiles.journal(data), Arrays.copyOf(full, lastStart + tornLength));
            try (EngineState state = EngineState.open(data)) {
                assertThat(state.repairs()).singleElement().asString().contains("torn tail of " + tornLength + " bytes")
                        .contains("line " + BASE_RECORDS);
                assertThat(state.lastSequence()).isEqualTo(BASE_RECORDS - 1);
                assertThat(Files.size(JournalFiles.journal(data))).isEqualTo(lastStart);
                HistoryEntry next = state.history().append("c9", "after", "op", "r", HistoryStatus.SKIPPED, "", Double.NaN, 0);
                assertThat(next.sequence()).isEqualTo(BASE_RECORDS);
            }
            try (EngineState again = EngineState.open(data)) {
                assertThat(again.repairs()).isEmpty();
                assertThat(again.lastSequence()).isEqualTo(BASE_RECORDS);
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 25)
    void lastRecordWhoseChecksumFailsIsDroppedAsATornTail(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) throws IOException {
        byte[] bytes = Files.readAllBytes(JournalFiles.journal(base()));
        int lastStart = JournalFiles.lineStarts(bytes).get(BASE_RECORDS - 1);
        int at = lastStart + position % (bytes.length - 1 - lastStart);
        bytes[at] ^= (byte) xor;
        Assume.that(bytes[at] != '\n');
        Path dir = Files.createTempDirectory("ouroboros-lastbad");
        try {
            Path data = dir.resolve("data");
            JournalFiles.copyDirectory(base(), data);
            Files.write(JournalFiles.journal(data), bytes);
            try (EngineState state = EngineState.open(data)) {
                assertThat(state.repairs()).hasSize(1);
                assertThat(state.lastSequence()).isEqualTo(BASE_RECORDS - 1);
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 60)
    void corruptingOneByteInTheMiddleIsRefusedNamingTheLine(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll @IntRange(min = 1, max = 255) int xor) throws IOException {
        byte[] bytes = Files.readAllBytes(JournalFiles.journal(base()));
        List<Integer> starts = JournalFiles.lineStarts(bytes);
        int lastStart = starts.get(BASE_RECORDS - 1);
        int at = position % lastStart; // any byte of any line but the last, its newline included
        int line = 0;
        while (starts.get(line + 1) <= at) {
            line++;
        }
        bytes[at] ^= (byte) xor;
        Path dir = Files.createTempDirectory("ouroboros-corrupt");
        try {
            Path data = dir.resolve("data");
            JournalFiles.copyDirectory(base(), data);
            Path journal = JournalFiles.journal(data);
            Files.write(journal, bytes);
            assertThatThrownBy(() -> EngineState.open(data)).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining(journal.toString())
                    .hasMessageContaining("line " + (line + 1) + " (")
                    .hasMessageContaining(line == 0 ? "at the start" : "after sequence " + line);
            assertThat(Files.readAllBytes(journal)).as("a refused journal is never rewritten").isEqualTo(bytes);
        } finally {
            delete(dir);
        }
    }

    @Example
    void damagedNewlineBetweenTheLastTwoRecordsIsRefusedNotDroppedAsATail() throws IOException {
        byte[] bytes = Files.readAllBytes(JournalFiles.journal(base()));
        int lastStart = JournalFiles.lineStarts(bytes).get(BASE_RECORDS - 1);
        bytes[lastStart - 1] = ' '; // the last two records now share one line: two checksums, not one torn append
        Path dir = Files.createTempDirectory("ouroboros-merged");
        try {
            Path data = dir.resolve("data");
            JournalFiles.copyDirectory(base(), data);
            Files.write(JournalFiles.journal(data), bytes);
            assertThatThrownBy(() -> EngineState.open(data)).isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining("line " + (BASE_RECORDS - 1) + " (after sequence " + (BASE_RECORDS - 2) + ")");
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('a', 'e').ofLength(2);
        Arbitrary<Double> speedups = Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.just(-0.0),
                Arbitraries.doubles().between(0, 1e9), Arbitraries.of(Double.MIN_VALUE, Double.MAX_VALUE));
        Arbitrary<Step> evaluated = Combinators.combine(ids, Arbitraries.of("op-a", "op-b", "op-ü\"\\"), text,
                Arbitraries.of(HistoryStatus.class), text, speedups, Arbitraries.longs())
                .as((c, o, r, s, d, x, seed) -> (Step) new Evaluated(c, o, r, s, d, x, seed));
        Arbitrary<Step> transition = Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.of(HistoryStatus.class), text).as((i, s, d) -> (Step) new Transition(i, s, d));
        Arbitrary<Step> recorded = Combinators.combine(ids, Arbitraries.bytes().array(byte[].class).ofMaxSize(64), text,
                speedups).as((c, b, d, x) -> (Step) new Recorded(c, b, d, x));
        Arbitrary<Step> applied = Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false))
                .as((i, a) -> (Step) new Applied(i, a));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, evaluated), net.jqwik.api.Tuple.of(2, transition),
                net.jqwik.api.Tuple.of(2, recorded), net.jqwik.api.Tuple.of(1, applied)).list().ofMaxSize(12);
    }

    private static void apply(EngineState state, List<Step> steps) {
        List<String> candidates = new ArrayList<>();
        List<String> winners = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Evaluated e) {
                state.history().append("cy", e.candidate(), e.operator(), e.region(), e.status(), e.detail(),
                        e.speedup(), e.seed());
                candidates.add(e.candidate());
            } else if (step instanceof Transition t) {
                if (!candidates.isEmpty()) {
                    state.history().transition(candidates.get(t.candidateIndex() % candidates.size()), t.status(),
                            t.detail());
                }
            } else if (step instanceof Recorded r) {
                Winner w = new Winner(r.candidate(), "op-a", "r", r.diff(), r.speedup(), 0.5, 10.0, 5.0,
                        Map.of("p.C" + r.candidate(), GenomeChecksum.sha256(r.bytes())), false);
                state.winners().record(w, Map.of("p.C" + r.candidate(), r.bytes()));
                winners.add(r.candidate());
            } else if (step instanceof Applied a && !winners.isEmpty()) {
                state.winners().markApplied(winners.get(a.winnerIndex() % winners.size()), a.applied());
            }
        }
    }

    private static Snapshot snapshot(EngineState state) {
        Map<String, List<String>> bytes = new java.util.TreeMap<>();
        for (Winner w : state.winners().winners()) {
            bytes.put(w.candidateId(), state.winners().classBytes(w.candidateId()).values().stream()
                    .map(GenomeChecksum::sha256).toList());
        }
        return new Snapshot(state.history().entries(), state.winners().winners(), state.statistics(), bytes,
                state.lastSequence());
    }

    /** A journal of {@link #BASE_RECORDS} records (history and winners), written once and copied by each try. */
    private static synchronized Path base() throws IOException {
        if (base == null) {
            Path dir = Files.createTempDirectory("ouroboros-base").resolve("data");
            try (EngineState state = EngineState.open(dir)) {
                state.history().append("c1", "m1", "op-a", "r1", HistoryStatus.COMPILE_FAILED, "A.java:1: error", Double.NaN, 1);
                state.history().append("c1", "m2", "op-b", "r1", HistoryStatus.FASTER, "ünïcödé \"quoted\"", 1.5, 2);
                byte[] bytes = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61};
                state.winners().record(new Winner("m2", "op-b", "r1", "--- a\n+++ b\n", 1.5, 0.8, 2e6, 1e6,
                        Map.of("p.A", GenomeChecksum.sha256(bytes)), false), Map.of("p.A", bytes));
                state.history().transition("m2", HistoryStatus.APPROVED, "automatic");
                state.winners().markApplied("m2", true);
                state.history().transition("m2", HistoryStatus.APPLIED, "pause 3 ms");
            }
            base = dir;
        }
        return base;
    }

    @AfterContainer
    static void removeBase() throws IOException {
        if (base != null) {
            delete(base.getParent());
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
