package dev.ouroboros.genome.internal;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.resolution.MethodUsage;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Class-hierarchy dispatch inside the genome: which regions a call to a method may run because they
 * override or implement it.
 *
 * <p>Only supertypes with source in the genome are considered. Counting the genome's overrides of
 * JDK methods as well ({@code Object.toString}, {@code Comparable.compareTo}, {@code Runnable.run})
 * would connect nearly every call of those everywhere to every override, and the graph would say
 * nothing.
 */
final class Dispatch {

    private final Map<String, String> binaryByQualified;
    private final Map<String, Set<String>> overridersBySignature = new HashMap<>();
    private final Map<String, List<MethodUsage>> inheritedByType = new HashMap<>();

    Dispatch(Map<String, String> binaryByQualified) {
        this.binaryByQualified = binaryByQualified;
    }

    /** Records that a region overrides whatever genome supertype methods its declaration matches. */
    void addOverrider(MethodDeclaration method, String regionId) {
        ResolvedMethodDeclaration own;
        List<String> erased = new ArrayList<>();
        try {
            own = method.resolve();
            for (int i = 0; i < own.getNumberOfParams(); i++) {
                erased.add(own.getParam(i).getType().erasure().describe());
            }
        } catch (RuntimeException | StackOverflowError e) {
            return; // unresolvable parameter types: no dispatch edges for this method
        }
        for (MethodUsage inherited : inherited(own.declaringType())) {
            if (matches(inherited, own.getName(), erased)) {
                try {
                    String key = inherited.getDeclaration().getQualifiedSignature();
                    overridersBySignature.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(regionId);
                } catch (RuntimeException | StackOverflowError e) {
                    // an inherited method whose signature cannot be named cannot be called by name either
                }
            }
        }
    }

    /** Returns the regions that override or implement the target, empty when none or not a method. */
    Set<String> overridersOf(ResolvedMethodLikeDeclaration target) {
        if (!(target instanceof ResolvedMethodDeclaration) || overridersBySignature.isEmpty()) {
            return Set.of();
        }
        return overridersBySignature.getOrDefault(target.getQualifiedSignature(), Set.of());
    }

    /** Returns the binary names of the direct supertypes of a type that have source in the genome. */
    List<String> directGenomeAncestors(TypeDeclaration<?> type) {
        List<String> out = new ArrayList<>();
        try {
            for (ResolvedReferenceType ancestor : type.resolve().getAncestors(true)) {
                String binary = binaryByQualified.get(ancestor.getQualifiedName());
                if (binary != null) {
                    out.add(binary);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // unresolvable supertypes only lose class edges
        }
        return out;
    }

    private List<MethodUsage> inherited(ResolvedReferenceTypeDeclaration type) {
        return inheritedByType.computeIfAbsent(type.getQualifiedName(), name -> {
            List<MethodUsage> out = new ArrayList<>();
            try {
                for (ResolvedReferenceType ancestor : type.getAllAncestors()) {
                    if (binaryByQualified.containsKey(ancestor.getQualifiedName())) {
                        out.addAll(ancestor.getDeclaredMethods());
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                // a hierarchy that does not resolve gives no dispatch edges
            }
            return out;
        });
    }

    private static boolean matches(MethodUsage inherited, String name, List<String> erased) {
        if (!inherited.getName().equals(name) || inherited.getNoParams() != erased.size()) {
            return false;
        }
        try {
            for (int i = 0; i < erased.size(); i++) {
                if (!inherited.getParamType(i).erasure().describe().equals(erased.get(i))) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }
}
