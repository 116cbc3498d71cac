package dev.ouroboros.core.internal;

import dev.ouroboros.arena.ClassFileVersion;
import dev.ouroboros.arena.CompilationResult;
import dev.ouroboros.arena.FidelityCheck;
import dev.ouroboros.arena.FidelityReport;
import dev.ouroboros.arena.InMemoryCompiler;
import dev.ouroboros.genome.OuroborosException;
import dev.ouroboros.genome.SourceGenome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fidelity gate shared by a cycle and by re-applying winners at startup: the unmodified source of
 * a class must compile, at the loaded class's class-file version, to bytes that match what the JVM runs.
 */
final class SourceFidelity {

    private SourceFidelity() {
    }

    /**
     * Compiles the unmodified source of {@code topLevel} and checks every given loaded class against it.
     *
     * @param liveBytes the bytes the JVM runs, by binary class name (classes of that one source file)
     * @return the compiled original, every class of the unit
     * @throws OuroborosException naming the class and the first difference, or the compiler's complaint
     */
    static CompilationResult verify(InMemoryCompiler compiler, SourceGenome genome, List<Path> classpath,
            String topLevel, Map<String, byte[]> liveBytes) {
        int release = ClassFileVersion.releaseOf(liveBytes.values().iterator().next());
        CompilationResult original = compiler.compile(Map.of(topLevel, genome.sourceText(topLevel)), classpath, release);
        if (!original.success()) {
            throw new OuroborosException("the unmodified source of " + topLevel
                    + " does not compile against the class path: "
                    + original.diagnostics().stream().findFirst().orElse("(no diagnostic)")
                    + " — check source= and classpath=");
        }
        for (Map.Entry<String, byte[]> live : liveBytes.entrySet()) {
            FidelityReport fidelity = FidelityCheck.compare(live.getValue(), original.classes().get(live.getKey()));
            if (!fidelity.matches()) {
                throw new OuroborosException("the source of " + live.getKey() + " does not match the loaded class ("
                        + fidelity.describe() + "); Ouroboros never patches code whose source is not what runs");
            }
        }
        return original;
    }
}
