package dev.ouroboros.genome;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many call sites the symbol solver resolved while a {@link DependencyGraph} was built, and why
 * the others failed. Unresolved calls are missing edges, so this says how far to trust the graph.
 *
 * <p>A call site is a method call, an object creation or an explicit {@code this(...)}/{@code super(...)}
 * call; method references are not counted. A call resolves when its target declaration is found,
 * whether that target has source in the genome (an edge) or not (a JDK or library method).
 *
 * @param callSites          every call site seen in the genome's parsed files
 * @param resolved           call sites whose target was found
 * @param unresolved         call sites whose target was not found
 * @param unresolvedByReason count per failure kind (the solver's exception type), never null
 * @param unresolvedSamples  a bounded sample of failures as {@code file:line:column: call — reason}, never null
 */
public record CallResolution(long callSites, long resolved, long unresolved, Map<String, Long> unresolvedByReason,
        List<String> unresolvedSamples) {

    /** Validates the counts and freezes the collections. */
    public CallResolution {
        if (callSites < 0 || resolved < 0 || unresolved < 0) {
            throw new IllegalArgumentException("counts must not be negative, were callSites=" + callSites
                    + " resolved=" + resolved + " unresolved=" + unresolved);
        }
        if (resolved + unresolved != callSites) {
            throw new IllegalArgumentException("resolved + unresolved must equal callSites, were " + resolved + " + "
                    + unresolved + " != " + callSites);
        }
        unresolvedByReason = Map.copyOf(Objects.requireNonNull(unresolvedByReason, "unresolvedByReason must not be null"));
        unresolvedSamples = List.copyOf(Objects.requireNonNull(unresolvedSamples, "unresolvedSamples must not be null"));
    }

    /** Returns resolved / callSites, or 1.0 when there were no call sites. */
    public double resolvedRatio() {
        return callSites == 0 ? 1.0 : (double) resolved / callSites;
    }

    /** Returns e.g. {@code 12345/12600 call sites resolved (97.98%)}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d call sites resolved (%.2f%%), unresolved by reason %s",
                resolved, callSites, 100 * resolvedRatio(), unresolvedByReason);
    }
}
