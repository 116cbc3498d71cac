package dev.ouroboros.core.internal.cli;

import dev.ouroboros.genome.Hotspot;
import dev.ouroboros.genome.HotspotTracker;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "The hottest method under this workload": runs a program's {@code main} in this JVM, again and again
 * while the genome's {@link HotspotTracker} samples it through JFR, and names the hottest method that has
 * source as the target.
 *
 * <p>The workload runs on a thread of its own whose name does not start with {@code ouroboros-} (the
 * tracker ignores Ouroboros's own threads). It should finish in seconds; it is not repeated after the
 * sampling ends, and a run still in flight then is left to finish on its daemon thread.
 */
final class WorkloadProfiler {

    private final List<Path> sources;
    private final ClassLoader loader;
    private final PrintStream err;

    WorkloadProfiler(List<Path> sources, ClassLoader loader, PrintStream err) {
        this.sources = sources;
        this.loader = loader;
        this.err = err;
    }

    /**
     * Samples the workload for {@code duration} and returns {@code pkg.Class#method} of its hottest method with source.
     *
     * @throws OuroborosException when the main class cannot be run, it fails, or no method with source was sampled
     */
    String hottest(String mainClass, List<String> args, Duration duration) {
        Method main = mainMethod(mainClass);
        SourceGenome genome = SourceGenome.of(sources);
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread workload = new Thread(() -> {
            int runs = 0;
            while (sampling.get()) {
                try {
                    main.invoke(null, (Object) args.toArray(String[]::new));
                    runs++;
                } catch (InvocationTargetException e) {
                    failure.set(e.getCause());
                    return;
                } catch (IllegalAccessException e) {
                    failure.set(e);
                    return;
                }
            }
            err.println("ouroboros: workload " + mainClass + " ran " + runs + " time(s) while sampled");
        }, "workload-main");
        workload.setDaemon(true);
        workload.setContextClassLoader(loader);
        List<Hotspot> ranking;
        long total;
        err.println("ouroboros: sampling " + mainClass + " for " + duration.toSeconds() + " s to find its hottest method");
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome)) {
            tracker.start();
            workload.start();
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end && failure.get() == null) {
                sleep(50);
            }
            sampling.set(false);
            tracker.stop();
            ranking = tracker.ranking();
            total = tracker.totalSamples();
        }
        if (failure.get() != null) {
            throw new OuroborosException("the workload " + mainClass + " failed: " + failure.get()
                    + "; fix it or name the target with --target", failure.get());
        }
        Hotspot hot = ranking.stream().filter(h -> !h.methodName().startsWith("<")).findFirst()
                .orElseThrow(() -> new OuroborosException("no method with source under " + sources + " in " + total
                        + " JFR samples of " + mainClass + " over " + duration.toSeconds()
                        + " s: check --source, make the workload run longer (--profile) or name --target"));
        String target = hot.className() + "#" + hot.methodName();
        err.println(String.format(Locale.ROOT, "ouroboros: hottest method with source: %s (%d of %d samples)", target,
                hot.samples(), total));
        return target;
    }

    private Method mainMethod(String mainClass) {
        try {
            Method main = Class.forName(mainClass, false, loader).getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new OuroborosException("workload " + mainClass + ".main(String[]) is not static");
            }
            main.setAccessible(true);
            return main;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new OuroborosException("workload class " + mainClass + " cannot be loaded from --classpath (" + e
                    + "); add the directory or jar that holds it", e);
        } catch (NoSuchMethodException e) {
            throw new OuroborosException("workload class " + mainClass + " has no public static main(String[])", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OuroborosException("interrupted while sampling the workload", e);
        }
    }
}
