package dev.ouroboros.core.internal.watch;

import dev.ouroboros.patcher.HealthProbe;
import dev.ouroboros.patcher.HealthSample;
import dev.ouroboros.patcher.PatchOperation;
import dev.ouroboros.patcher.PreflightCheck;
import dev.ouroboros.patcher.PreflightReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The probed copies of one bundle: for every class, the bytes it runs now and the winner's bytes, each
 * instrumented so that the methods the winner changed count their calls into {@link CallCounters}.
 * Both copies count into the same slots, so the windows before and after the swap measure the same
 * methods.
 *
 * @param originals        the bytes each class runs now, in bundle order
 * @param probedOriginals  the same, instrumented
 * @param probedWinners    the winner's bytes, instrumented
 * @param methods          the watched methods as {@code Class.name(descriptor)}, never empty
 * @param slots            their counter slots
 */
record ProbePlan(List<byte[]> originals, List<byte[]> probedOriginals, List<byte[]> probedWinners,
        List<String> methods, int[] slots) {

    /** The plan, or why the bundle cannot be watched. */
    record Planned(Optional<ProbePlan> plan, String whyNot) {
    }

    /** Reads the cumulative counters of the watched methods. */
    HealthProbe probe() {
        int[] ids = slots.clone();
        return () -> CallCounters.sample(ids);
    }

    /** Sums the counters now. */
    HealthSample sample() {
        return CallCounters.sample(slots);
    }

    /**
     * Plans the probes for a bundle.
     *
     * @param running the bytes each operation's class runs now, in bundle order
     */
    static Planned of(List<PatchOperation> operations, List<byte[]> running) {
        List<byte[]> probedOriginals = new ArrayList<>();
        List<byte[]> probedWinners = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            PatchOperation op = operations.get(i);
            Optional<String> why = whyNotProbeable(op.target());
            if (why.isPresent()) {
                return new Planned(Optional.empty(), why.get());
            }
            byte[] winner = op.newBytes();
            Set<String> changed = MethodBodies.changed(running.get(i), winner);
            Map<String, Integer> slots = new LinkedHashMap<>();
            for (String method : changed) {
                int slot = CallCounters.register();
                slots.put(method, slot);
                ids.add(slot);
                methods.add(op.target().getName() + "." + method);
            }
            byte[] probedOriginal;
            byte[] probedWinner;
            try {
                probedOriginal = ProbeInstrumenter.instrument(running.get(i), slots);
                probedWinner = ProbeInstrumenter.instrument(winner, slots);
            } catch (RuntimeException e) {
                return new Planned(Optional.empty(), "cannot instrument " + op.target().getName() + " (" + e + ")");
            }
            for (byte[] probed : List.of(probedOriginal, probedWinner)) {
                PreflightReport report = PreflightCheck.check(running.get(i), probed);
                if (!report.redefinable()) {
                    return new Planned(Optional.empty(), "the probed copy of " + op.target().getName()
                            + " would not be redefinable: " + report.describe());
                }
            }
            probedOriginals.add(probedOriginal);
            probedWinners.add(probedWinner);
        }
        if (ids.isEmpty()) {
            return new Planned(Optional.empty(), "the winner changes no method body that can be watched"
                    + " (constructors and static initialisers are not watched)");
        }
        return new Planned(Optional.of(new ProbePlan(running, probedOriginals, probedWinners, methods,
                ids.stream().mapToInt(Integer::intValue).toArray())), "");
    }

    /**
     * Tells why instrumented code of this class could not call {@link CallCounters}, if it could not: its
     * loader must resolve the name to this very class, and its module must read and see our package.
     * Never loads the host class itself; may ask its loader for {@link CallCounters}.
     */
    static Optional<String> whyNotProbeable(Class<?> target) {
        return whyNotReachable(target, CallCounters.class);
    }

    /**
     * Tells why code of the target class could not call the public class {@code ours} of this engine, if it
     * could not: its loader must resolve the name to this very class, and its module must read and see it.
     */
    static Optional<String> whyNotReachable(Class<?> target, Class<?> ours) {
        ClassLoader loader = target.getClassLoader();
        String name = ours.getName();
        if (loader == null) {
            return Optional.of(target.getName() + " is a boot class; its loader cannot see " + name);
        }
        try {
            Class<?> seen = Class.forName(name, false, loader);
            if (seen != ours) {
                return Optional.of("the class loader of " + target.getName() + " (" + describe(loader) + ") resolves " + name
                        + " to another copy (from " + describe(seen.getClassLoader()) + ") than the engine's (from "
                        + describe(ours.getClassLoader()) + ")");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("the class loader of " + target.getName() + " (" + describe(loader) + ") cannot see " + name
                    + " (" + e + "); put the Ouroboros agent or library on a class path that loader delegates to");
        }
        Module host = target.getModule();
        Module module = ours.getModule();
        if (!host.canRead(module) || !module.isExported(ours.getPackageName(), host)) {
            return Optional.of("module " + host + " of " + target.getName() + " cannot read or access " + module);
        }
        return Optional.empty();
    }

    private static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the boot loader";
        }
        return loader.getName() != null ? "'" + loader.getName() + "', " + loader : loader.toString();
    }
}
