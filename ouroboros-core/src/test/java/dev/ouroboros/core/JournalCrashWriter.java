package dev.ouroboros.core;

import dev.ouroboros.genome.GenomeChecksum;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The program {@link JournalCrashTest} kills: appends history entries, winners (with class bytes) and
 * status transitions as fast as it can, and prints {@code ACK <seq> <candidate> <kind> .} after each
 * append returned — i.e. after it was acknowledged as durable.
 *
 * <p>Arguments: data directory, seed, run number.
 */
public final class JournalCrashWriter {

    private JournalCrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        String run = args[2];
        PrintStream out = System.out;
        HistoryStatus[] statuses = HistoryStatus.values();
        try (EngineState state = EngineState.open(dir)) {
            out.println("OPEN " + state.lastSequence() + " .");
            out.flush();
            for (int i = 0; ; i++) {
                String candidate = "r" + run + "-" + i;
                int kind = random.nextInt(10);
                if (kind < 2) {
                    byte[] bytes = new byte[64 + random.nextInt(4096)];
                    random.nextBytes(bytes);
                    Winner w = new Winner(candidate, "op-" + random.nextInt(3), "region-" + run, "--- a\n+++ b\n",
                            1.0 + random.nextDouble(), 0.7, 2e6, 1e6, Map.of("p.C" + i, GenomeChecksum.sha256(bytes)),
                            random.nextBoolean());
                    Map<String, byte[]> classes = Map.of("p.C" + i, bytes);
                    long seq = sequenceOf(state, () -> state.winners().record(w, classes));
                    out.println("ACK " + seq + " " + candidate + " W .");
                } else if (kind < 3 && i > 0) {
                    String earlier = "r" + run + "-" + (i - 1);
                    long seq = sequenceOf(state, () -> state.history().transition(earlier, HistoryStatus.APPROVED, "ok"));
                    if (seq > 0) {
                        out.println("ACK " + seq + " " + earlier + " T .");
                    }
                } else {
                    HistoryEntry e = state.history().append("cycle-" + run, candidate, "op-" + random.nextInt(3),
                            "region-" + run, statuses[random.nextInt(statuses.length)], "detail \"" + i + "\"\nü",
                            random.nextBoolean() ? Double.NaN : random.nextDouble() * 3, random.nextLong());
                    out.println("ACK " + e.sequence() + " " + candidate + " H .");
                }
                out.flush();
            }
        }
    }

    /** Runs an append and returns the sequence it was given; 0 when there was nothing to transition. */
    private static long sequenceOf(EngineState state, Runnable append) {
        try {
            append.run();
        } catch (IllegalArgumentException noEarlierHistoryEntry) {
            return 0;
        }
        return state.lastSequence();
    }
}
