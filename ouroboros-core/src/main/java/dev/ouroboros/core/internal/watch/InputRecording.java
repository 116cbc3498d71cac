package dev.ouroboros.core.internal.watch;

import dev.ouroboros.arena.RecordedInput;
import dev.ouroboros.patcher.LivePatcher;
import dev.ouroboros.patcher.PatchBundle;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.PatchRejectedException;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the arguments of the calls the running program makes to the target methods, for the
 * differential gate to replay against every candidate beside its generated inputs.
 *
 * <p>For at most the window, the class runs a recording copy of the bytes it runs now
 * ({@link RecordingInstrumenter}; one atomic swap, checked by the pre-flight check first); then the exact
 * prior bytes are swapped back. Recording ends early when every method has its limit of distinct inputs,
 * or at once on a stop request. A program that does not call the methods in the window (an idle program
 * in a dream session) gives no inputs; the generated ones still run. Nothing here fails a cycle: a class
 * that cannot be recorded gives an empty result with the reason.
 */
public final class InputRecording {

    private static final Logger LOG = LoggerFactory.getLogger(InputRecording.class);
    private static final long POLL_MILLIS = 20;

    /**
     * What a recording gave.
     *
     * @param inputs the recorded calls, deep copies, never null
     * @param detail one line: what was recorded, or why nothing was
     */
    public record Result(List<RecordedInput> inputs, String detail) {
        /** Validates and copies. */
        public Result {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final LivePatcher patcher;
    private final BooleanSupplier stop;

    public InputRecording(LivePatcher patcher, BooleanSupplier stop) {
        this.patcher = Objects.requireNonNull(patcher);
        this.stop = Objects.requireNonNull(stop);
    }

    /**
     * Records the calls of the target's methods that {@code chosen} accepts.
     *
     * @param bundleId the id of the recording swap, e.g. the cycle's id with {@code ~record}
     * @param target   the live class
     * @param running  the bytes it runs now; they are what runs again afterwards
     * @param chosen   picks methods by {@code name + descriptor}
     * @param window   the longest the recording copy stays live
     * @param limit    distinct inputs kept per method, at least 1
     */
    public Result record(String bundleId, Class<?> target, byte[] running, Predicate<String> chosen, Duration window,
            int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Optional<String> unreachable = ProbePlan.whyNotReachable(target, InputRecorder.class);
        if (unreachable.isPresent()) {
            return nothing("not recorded: " + unreachable.get());
        }
        Map<String, Integer> slots = new LinkedHashMap<>();
        ClassNode node = new ClassNode();
        new ClassReader(running).accept(node, ClassReader.SKIP_CODE);
        for (MethodNode method : node.methods) {
            String key = method.name + method.desc;
            boolean hasCode = (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            if (hasCode && !method.name.startsWith("<") && (method.access & Opcodes.ACC_SYNTHETIC) == 0
                    && chosen.test(key)) {
                slots.put(key, InputRecorder.register(target, method.name, method.desc, limit));
            }
        }
        if (slots.isEmpty()) {
            return nothing("not recorded: no method of " + target.getName() + " to record");
        }
        byte[] recording;
        try {
            recording = RecordingInstrumenter.instrument(running, slots);
        } catch (RuntimeException e) {
            return nothing("not recorded: cannot instrument " + target.getName() + " (" + e + ")");
        }
        PreflightReport preflight = PreflightCheck.check(running, recording);
        if (!preflight.redefinable()) {
            return nothing("not recorded: the recording copy of " + target.getName() + " would not be redefinable: "
                    + preflight.describe());
        }
        try {
            patcher.apply(PatchBundle.of(bundleId, new PatchOperation(target, recording,
                    "records the program's real inputs of " + slots.keySet() + " for the differential gate")));
        } catch (PatchRejectedException e) {
            return nothing("not recorded: the JVM refused the recording copy (" + e.getMessage() + ")");
        }
        long started = System.nanoTime();
        try {
            long end = started + window.toNanos();
            while (System.nanoTime() < end && !stop.getAsBoolean()
                    && !slots.values().stream().allMatch(InputRecorder::done)) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slots.values().forEach(InputRecorder::close);
            // The exact prior bytes again; a refusal here propagates: the caller must not go on as if they ran.
            patcher.rollbackBundle(bundleId);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<RecordedInput> inputs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        slots.forEach((method, slot) -> {
            inputs.addAll(InputRecorder.inputs(slot));
            String refusals = InputRecorder.refusals(slot);
            if (!refusals.isEmpty()) {
                notes.add(method + ": " + refusals);
            }
        });
        String detail = "recorded " + inputs.size() + " distinct real inputs of " + slots.size() + " method(s) of "
                + target.getName() + " in " + millis + " ms" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        LOG.info(detail);
        return new Result(inputs, detail);
    }

    private static Result nothing(String why) {
        LOG.info(why);
        return new Result(List.of(), why);
    }
}
