package dev.ouroboros.core.internal;

import dev.ouroboros.core.EvolutionConfig;
import dev.ouroboros.core.InvalidConfigurationException;
import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.Hotspot;
import dev.ouroboros.genome.HotspotTracker;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.RegionKind;
import dev.ouroboros.genome.SourceGenome;
import dev.ouroboros.genome.SourceNotFoundException;
import dev.ouroboros.mutation.MutationOperator;
import dev.ouroboros.mutation.OperatorKind;
import dev.ouroboros.patcher.LivePatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Decides what a cycle mutates: the configured target, or the hottest method with source.
 *
 * <p>Also finds the live {@link Class} behind a name and the tests that cover a class, and turns
 * every way this can go wrong into one message that names the thing and the fix.
 */
public final class TargetResolver {

    private final EvolutionConfig config;
    private final SourceGenome genome;
    private final LivePatcher patcher;
    private final BooleanSupplier stopRequested;

    public TargetResolver(EvolutionConfig config, SourceGenome genome, LivePatcher patcher,
            BooleanSupplier stopRequested) {
        this.config = config;
        this.genome = genome;
        this.patcher = patcher;
        this.stopRequested = stopRequested;
    }

    /** The regions a cycle mutates, the live class that holds them, and why they were chosen. */
    public record Target(Class<?> liveClass, List<GenomeRegion> regions, List<MutationOperator> operators, String why) {
        public List<String> operatorNames() {
            return operators.stream().map(MutationOperator::name).toList();
        }
    }

    /**
     * Resolves the target of this cycle.
     *
     * @throws OuroborosException naming what is missing (class, source, method, hot code)
     */
    public Target resolve() {
        List<MutationOperator> operators = operators();
        if (config.targetClass().isPresent()) {
            String className = config.targetClass().get();
            Class<?> live = loadedClass(className, ClassLoader.getSystemClassLoader());
            if (!genome.hasSource(className)) {
                throw new SourceNotFoundException("no source for target class " + className + " under "
                        + genome.roots() + ": add the directory that holds "
                        + className.replaceAll("\\$.*", "").replace('.', '/') + ".java to source=");
            }
            List<GenomeRegion> regions = config.targetMethod()
                    .map(m -> genome.regionsOf(className, m))
                    .orElseGet(() -> genome.regions(className).stream()
                            .filter(r -> r.className().equals(className) && r.kind() == RegionKind.METHOD).toList());
            if (regions.isEmpty()) {
                throw new InvalidConfigurationException("target " + config.target().get()
                        + " names no method with a body in " + genome.sourceFile(className).orElseThrow()
                        + ": check the method name in target=");
            }
            return new Target(live, regions, operators, "configured target");
        }
        return hottest(operators);
    }

    private Target hottest(List<MutationOperator> operators) {
        List<Hotspot> ranking;
        long total;
        try (HotspotTracker tracker = HotspotTracker.inProcess(genome)) {
            tracker.start();
            sleep(config.profileDuration());
            tracker.stop();
            ranking = tracker.ranking();
            total = tracker.totalSamples();
        }
        for (Hotspot h : ranking) {
            GenomeRegion region = h.region().orElseThrow();
            Optional<Class<?>> live = patcher.loadedCopies(h.className()).stream().findFirst();
            if (live.isPresent()) {
                String why = String.format(Locale.ROOT, "hottest method with source: %d of %d JFR samples in %d s",
                        h.samples(), total, config.profileDuration().toSeconds());
                return new Target(live.get(), List.of(region), operators, why);
            }
        }
        throw new OuroborosException("no hot method with source found in " + total + " JFR samples over "
                + config.profileDuration().toSeconds() + " s under " + genome.roots()
                + ": check that source= holds the program's sources, or name target=pkg.Class#method");
    }

    /** Finds the loaded class of that name, preferring the given loader; loads it (without init) if needed. */
    public Class<?> loadedClass(String className, ClassLoader preferred) {
        List<Class<?>> copies = patcher.loadedCopies(className);
        Optional<Class<?>> loaded = copies.stream().filter(c -> c.getClassLoader() == preferred).findFirst()
                .or(() -> copies.stream().findFirst());
        if (loaded.isPresent()) {
            return loaded.get();
        }
        try {
            return Class.forName(className, false, preferred);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidConfigurationException("target class " + className
                    + " is neither loaded in this JVM nor on its class path: check target=");
        }
    }

    /**
     * The class of that name as the loader sees it, without initialising it; empty when the loader cannot
     * find one (a helper class a winner brings, before it is defined).
     */
    public Optional<Class<?>> findClass(String className, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The tests to run against candidates of a class: configured, else {@code <Name>Test(s)} on the class path. */
    public List<String> testClassesFor(String topLevelClass) {
        if (!config.testClasses().isEmpty()) {
            return config.testClasses();
        }
        List<String> conventional = List.of(topLevelClass + "Test", topLevelClass + "Tests");
        try (URLClassLoader probe = new URLClassLoader(urls(config.classpath()), null)) {
            List<String> found = conventional.stream()
                    .filter(n -> probe.findResource(n.replace('.', '/') + ".class") != null).toList();
            if (found.isEmpty()) {
                throw new InvalidConfigurationException("no tests for " + topLevelClass + ": none of " + conventional
                        + " is on the class path; name them with tests=. Ouroboros never swaps in untested code");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MutationOperator> operators() {
        if (config.operators().isEmpty()) {
            return MutationOperator.builtIns().stream().filter(o -> o.kind() == OperatorKind.SEMANTICS_PRESERVING).toList();
        }
        try {
            return config.operators().stream().map(MutationOperator::named).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("operators: " + e.getMessage());
        }
    }

    private static URL[] urls(List<Path> entries) {
        return entries.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InvalidConfigurationException("classpath entry " + p + " is not a valid path");
            }
        }).toArray(URL[]::new);
    }

    private void sleep(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end && !stopRequested.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
