package dev.ouroboros.patcher;

import dev.ouroboros.patcher.fixture.Pulse;
import dev.ouroboros.patcher.fixture.Variants;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Swap latency benchmark, not part of the unit test run: one small class swapped and rolled back many
 * times (p50, p99 of the {@code redefineClasses} pause), and 100 classes swapped in one bundle against
 * 100 single-class bundles. Run it with the module's own jar as the agent:
 *
 * <pre>
 * java -cp &lt;test class path&gt; dev.ouroboros.patcher.PatcherBench --prepare DIR
 * java -javaagent:ouroboros-patcher/target/ouroboros-patcher-0.1.0-SNAPSHOT.jar \
 *      -cp &lt;test class path&gt; dev.ouroboros.patcher.PatcherBench DIR [cycles]
 * </pre>
 *
 * <p>The first command compiles every variant into DIR; the second never loads javac. That matters:
 * a redefinition's pause grows with the number of loaded classes and compiled methods, and javac
 * alone loads thousands - a host program is measured, not a compiler.
 *
 * <p>The baseline, measured in the same JVM: plain {@code redefineClasses} calls of the same bytes,
 * without the patcher, once at start-up (before this JVM compiled much) and then interleaved with the
 * patcher's swaps. HotSpot's pause walks every loaded class and every compiled method at a safepoint, so
 * the same call costs more in a JVM that has compiled more; the ratio of the patcher's pause to the plain
 * call's, taken side by side, is what the patcher adds.
 */
public final class PatcherBench {

    private static final int CLASSES = 100;
    private static final StringBuilder result = new StringBuilder();

    private PatcherBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--prepare")) {
            prepare(Path.of(args[1]));
            return;
        }
        Path dir = Path.of(args[0]);
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        byte[] pulse = Files.readAllBytes(dir.resolve("Pulse.class"));
        byte[] original;
        try (InputStream in = Pulse.class.getResourceAsStream("Pulse.class")) {
            original = in.readAllBytes();
        }
        Instrumentation inst = AgentInstrumentation.current().orElseThrow(() ->
                new IllegalStateException("run with -javaagent:<ouroboros-patcher jar>"));
        fresh(inst, pulse, original, Math.min(cycles, 500));
        List<Class<?>> many = defineMany(dir);
        List<byte[]> manyVariants = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            manyVariants.add(Files.readAllBytes(dir.resolve("C" + k + ".v2.class")));
        }
        try (LivePatcher patcher = new LivePatcher(inst)) {
            single(patcher, inst, pulse, original, cycles);
            bundles(patcher, many, manyVariants);
        }
        System.out.println("RESULT patcher" + result);
    }

    /** Plain swaps before the patcher ran: this JVM's floor while little of it is compiled. */
    private static void fresh(Instrumentation inst, byte[] pulse, byte[] original, int cycles) throws Exception {
        long[] raw = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            raw[i] = plainSwap(inst, pulse, original);
        }
        Arrays.sort(raw);
        System.out.printf("plain redefineClasses at start-up (%d loaded classes, %d KB compiled code):"
                + " p50 %.3f ms, p99 %.3f ms%n", inst.getAllLoadedClasses().length, codeCacheKb(),
                ms(raw[cycles / 2]), ms(raw[cycles * 99 / 100]));
        result.append(String.format(Locale.ROOT, " plain_fresh_p50_ms=%.3f", ms(raw[cycles / 2])));
    }

    private static void single(LivePatcher patcher, Instrumentation inst, byte[] pulse, byte[] original,
            int cycles) throws Exception {
        long[] pauses = new long[cycles];
        long[] applyWall = new long[cycles];
        long[] raw = new long[cycles];
        for (int i = 0; i < cycles; i++) {
            long start = System.nanoTime();
            pauses[i] = patcher.apply(PatchBundle.of("s" + i, new PatchOperation(Pulse.class, pulse, "bench")))
                    .pauseNanos();
            applyWall[i] = System.nanoTime() - start;
            patcher.rollbackLast();
            raw[i] = plainSwap(inst, pulse, original);
        }
        Arrays.sort(pauses);
        Arrays.sort(applyWall);
        Arrays.sort(raw);
        System.out.printf("single class: %d swaps, redefineClasses pause p50 %.3f ms, p99 %.3f ms;"
                + " whole apply (check + swap + bookkeeping) p50 %.3f ms%n", cycles, ms(pauses[cycles / 2]),
                ms(pauses[cycles * 99 / 100]), ms(applyWall[cycles / 2]));
        System.out.printf("plain redefineClasses interleaved (%d loaded classes, %d KB compiled code): p50 %.3f ms,"
                + " p99 %.3f ms; patcher pause / plain call at p50 %.2f%n", inst.getAllLoadedClasses().length,
                codeCacheKb(), ms(raw[cycles / 2]), ms(raw[cycles * 99 / 100]),
                (double) pauses[cycles / 2] / raw[cycles / 2]);
        result.append(String.format(Locale.ROOT, " single_p50_ms=%.3f single_p99_ms=%.3f apply_p50_ms=%.3f"
                + " plain_p50_ms=%.3f plain_p99_ms=%.3f pause_vs_plain=%.2f code_cache_kb=%d",
                ms(pauses[cycles / 2]), ms(pauses[cycles * 99 / 100]), ms(applyWall[cycles / 2]),
                ms(raw[cycles / 2]), ms(raw[cycles * 99 / 100]), (double) pauses[cycles / 2] / raw[cycles / 2],
                codeCacheKb()));
    }

    /** Swaps the variant in and the original back with plain calls; returns the first call's time. */
    private static long plainSwap(Instrumentation inst, byte[] pulse, byte[] original) throws Exception {
        long start = System.nanoTime();
        inst.redefineClasses(new ClassDefinition(Pulse.class, pulse));
        long elapsed = System.nanoTime() - start;
        inst.redefineClasses(new ClassDefinition(Pulse.class, original));
        return elapsed;
    }

    private static long codeCacheKb() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().startsWith("CodeHeap") || pool.getName().equals("Code Cache")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used / 1024;
    }

    private static void bundles(LivePatcher patcher, List<Class<?>> many, List<byte[]> variants) {
        long[] bundled = new long[5];
        long[] singles = new long[5];
        for (int round = 0; round < bundled.length; round++) {
            List<PatchOperation> ops = new ArrayList<>();
            for (int k = 0; k < CLASSES; k++) {
                ops.add(new PatchOperation(many.get(k), variants.get(k), "bench"));
            }
            bundled[round] = patcher.apply(new PatchBundle("all-" + round, ops, "bench")).pauseNanos();
            patcher.rollbackLast();
            for (PatchOperation op : ops) {
                singles[round] += patcher.apply(PatchBundle.of("one", op)).pauseNanos();
            }
            for (int k = 0; k < CLASSES; k++) {
                patcher.rollbackLast();
            }
        }
        Arrays.sort(bundled);
        Arrays.sort(singles);
        System.out.printf("%d classes: one bundle, one call %.3f ms; %d single calls %.3f ms in total (medians of %d)%n",
                CLASSES, ms(bundled[2]), CLASSES, ms(singles[2]), bundled.length);
        result.append(String.format(Locale.ROOT, " bundle100_ms=%.3f singles100_ms=%.3f bundle_vs_singles=%.1f",
                ms(bundled[2]), ms(singles[2]), (double) singles[2] / bundled[2]));
    }

    /** Compiles the swapped-in variants and the 100 originals into {@code dir}. */
    private static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("Pulse.class"),
                InMemoryCompiler.compileClass("dev.ouroboros.patcher.fixture.Pulse", Variants.pulse(2)));
        for (int k = 0; k < CLASSES; k++) {
            Files.write(dir.resolve("C" + k + ".v1.class"), InMemoryCompiler.compileClass("bench.C" + k, source(k, k)));
            Files.write(dir.resolve("C" + k + ".v2.class"),
                    InMemoryCompiler.compileClass("bench.C" + k, source(k, k + 1_000)));
        }
    }

    private static List<Class<?>> defineMany(Path dir) throws ClassNotFoundException, IOException {
        ManyLoader loader = new ManyLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            byte[] bytes = Files.readAllBytes(dir.resolve("C" + k + ".v1.class"));
            classes.add(loader.define("bench.C" + k, bytes));
        }
        for (Class<?> c : classes) {
            Class.forName(c.getName(), true, loader);
        }
        return classes;
    }

    private static String source(int k, int value) {
        return "package bench; public final class C" + k + " { public static int v() { return " + value + "; } }";
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static final class ManyLoader extends ClassLoader {
        ManyLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
