package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.ClassComparison;
import dev.ouroboros.arena.internal.RecordedValues;
import dev.ouroboros.arena.internal.WorkerProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The host's half of the differential gate: finds the methods a mutant changed (ASM is on the
 * host's class path, not necessarily on a worker's) and writes the gate's settings and recorded
 * inputs into a request for a worker.
 */
final class DifferentialPlan {

    private DifferentialPlan() {
    }

    /** Every method whose body the mutant changed, as {@code pkg.Foo#name(desc)}, by class name. */
    static List<String> changedMethods(SandboxRequest request) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(request.originalClasses()).entrySet()) {
            byte[] mutant = request.mutantClasses().get(e.getKey());
            try {
                ClassComparison.changedMethods(e.getValue(), mutant).forEach(m -> changed.add(e.getKey() + "#" + m));
            } catch (IllegalArgumentException unreadable) {
                // An unreadable class fails to load in the worker with a clear verdict; nothing to compare here.
            }
        }
        return changed;
    }

    /** Adds the gate's settings to a worker request. */
    static void describe(SandboxRequest request, Properties p) {
        DifferentialCheck check = request.differential();
        p.setProperty(WorkerProtocol.KEY_DIFF_ENABLED, Boolean.toString(check.enabled()));
        if (!check.enabled()) {
            return;
        }
        p.setProperty(WorkerProtocol.KEY_DIFF_SEED, Long.toString(check.seed()));
        p.setProperty(WorkerProtocol.KEY_DIFF_INPUTS, Integer.toString(check.inputsPerMethod()));
        p.setProperty(WorkerProtocol.KEY_DIFF_MILLIS, Long.toString(check.timePerMethod().toMillis()));
        p.setProperty(WorkerProtocol.KEY_DIFF_METHODS, WorkerProtocol.join(changedMethods(request)));
    }

    /** Writes the recorded inputs into the request directory, when there are any and the gate is on. */
    static void writeRecorded(DifferentialCheck check, Path dir) throws IOException {
        if (!check.enabled() || check.recordedInputs().isEmpty()) {
            return;
        }
        Properties p = new Properties();
        List<RecordedInput> inputs = check.recordedInputs();
        p.setProperty("recorded.count", Integer.toString(inputs.size()));
        for (int i = 0; i < inputs.size(); i++) {
            p.setProperty("recorded." + i + ".method", inputs.get(i).method());
            p.setProperty("recorded." + i + ".arguments", RecordedValues.encode(inputs.get(i).arguments()));
        }
        WorkerProtocol.write(dir.resolve(WorkerProtocol.RECORDED_FILE), p);
    }

    /** The part of the result cache's key that the gate decides. */
    static String key(DifferentialCheck check) {
        if (!check.enabled()) {
            return "/differential-off";
        }
        StringBuilder key = new StringBuilder("/differential " + check.seed() + " " + check.inputsPerMethod() + " "
                + check.timePerMethod().toMillis());
        for (RecordedInput r : check.recordedInputs()) {
            key.append('\n').append(r.method()).append(' ').append(RecordedValues.encode(r.arguments()));
        }
        try {
            return "/differential-" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
