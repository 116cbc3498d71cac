package dev.ouroboros.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.arena.RecordedInput;
import dev.ouroboros.patcher.AgentInstrumentation;
import dev.ouroboros.patcher.ClassFingerprint;
import dev.ouroboros.patcher.LivePatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Recording the program's real calls with a real agent: deep copies, distinct inputs, the exact bytes afterwards. */
class InputRecordingTest {

    @Test
    void recordsDistinctDeepCopiesOfTheProgramsCallsAndRestoresTheExactBytes() throws Exception {
        try (LivePatcher patcher = new LivePatcher(AgentInstrumentation.obtain()); Caller caller = new Caller()) {
            byte[] before = patcher.currentBytes(Tally.class);
            caller.start();

            InputRecording.Result result = new InputRecording(patcher, () -> false).record("t~record", Tally.class,
                    before, key -> key.startsWith("drain("), Duration.ofSeconds(20), 5);

            assertThat(result.inputs()).hasSize(5);
            assertThat(result.detail()).startsWith("recorded 5 distinct real inputs of 1 method(s) of "
                    + Tally.class.getName());
            for (RecordedInput input : result.inputs()) {
                assertThat(input.method()).isEqualTo(Tally.class.getName() + "#drain(Ljava/util/List;J)J");
                // The list as the program passed it, although drain() emptied the program's own list.
                long k = (Long) input.arguments().get(1);
                assertThat(input.arguments().get(0)).isEqualTo(List.of((int) k, (int) k + 1, (int) k + 2));
            }
            assertThat(result.inputs()).extracting(input -> RecordedInput.encode(input.arguments().toArray())).doesNotHaveDuplicates();
            assertThat(ClassFingerprint.of(patcher.currentBytes(Tally.class))).isEqualTo(ClassFingerprint.of(before));
            long calls = caller.calls.get();
            Thread.sleep(50);
            assertThat(caller.calls.get()).as("the program runs on").isGreaterThan(calls);
            assertThat(caller.failures.get()).isZero();
        }
    }

    @Test
    void argumentsTheGateCannotRebuildAreNamedAndTheProgramIsUntouched() throws Exception {
        try (LivePatcher patcher = new LivePatcher(AgentInstrumentation.obtain())) {
            byte[] before = patcher.currentBytes(Tally.class);
            AtomicBoolean stop = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                while (!stop.get()) {
                    Tally.hash(Thread.currentThread(), 2.0);
                }
            });
            caller.start();
            InputRecording.Result result;
            try {
                result = new InputRecording(patcher, () -> false).record("h~record", Tally.class, before,
                        key -> key.startsWith("hash("), Duration.ofSeconds(3), 5);
            } finally {
                stop.set(true);
                caller.join();
            }
            assertThat(result.inputs()).isEmpty();
            assertThat(result.detail()).contains("recorded 0 distinct real inputs", "hash(Ljava/lang/Thread;D)I",
                    "arguments the gate cannot rebuild");
            assertThat(ClassFingerprint.of(patcher.currentBytes(Tally.class))).isEqualTo(ClassFingerprint.of(before));
            assertThat(Tally.hash(new Thread("abcd"), 2.0)).isEqualTo(8);
        }
    }

    @Test
    void aStopRequestEndsTheRecordingAtOnceAndAnIdleProgramGivesNothing() throws Exception {
        try (LivePatcher patcher = new LivePatcher(AgentInstrumentation.obtain())) {
            byte[] before = patcher.currentBytes(Tally.class);
            long start = System.nanoTime();
            AtomicBoolean stop = new AtomicBoolean();
            Thread stopper = new Thread(() -> {
                sleep(200);
                stop.set(true);
            });
            stopper.start();
            InputRecording.Result result = new InputRecording(patcher, stop::get).record("s~record", Tally.class, before,
                    key -> true, Duration.ofSeconds(30), 5);
            stopper.join();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(result.inputs()).isEmpty();
            assertThat(result.detail()).startsWith("recorded 0 distinct real inputs of 2 method(s)");
            assertThat(ClassFingerprint.of(patcher.currentBytes(Tally.class))).isEqualTo(ClassFingerprint.of(before));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The program's own work: drains fresh lists k, k+1, k+2 for k = 0, 1, 2, ... 7, again and again. */
    private static final class Caller implements AutoCloseable {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread = new Thread(this::run, "tally-caller");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long k = 0;
            while (running.get()) {
                List<Integer> values = new ArrayList<>(List.of((int) k, (int) k + 1, (int) k + 2));
                if (Tally.drain(values, k) != k + 3 * k + 3 || !values.isEmpty()) {
                    failures.incrementAndGet();
                }
                calls.incrementAndGet();
                k = (k + 1) % 8;
                sleep(1);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
