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
import java.util.HashSet;
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
    private final Set<String> overriddenNames = new HashSet<>();
    private final Map<String, List<MethodUsage>> inheritedByType = new HashMap<>();
    /**
     * The declared methods of each genome supertype as seen through its type arguments, keyed by its
     * description ({@code Builder<java.lang.String>}): many classes implement the same interface, and
     * each listing converts every method's parameter and return types. A supertype whose arguments
     * name a type variable is listed per subtype, as two classes' {@code T} may have different bounds.
     */
    private final Map<String, List<MethodUsage>> declaredBySupertype = new HashMap<>();

    Dispatch(Map<String, String> binaryByQualified) {
        this.binaryByQualified = binaryByQualified;
    }

    /**
     * Records that a region overrides whatever genome supertype methods its declaration matches. Only
     * a method with the name and parameter count of an inherited genome method can match one: the
     * others (most methods) are left before their parameter types are converted, as each conversion
     * walks the method's whole body looking for local classes.
     */
    void addOverrider(MethodDeclaration method, String regionId) {
        String name = method.getNameAsString();
        int arity = method.getParameters().size();
        ResolvedMethodDeclaration own;
        List<MethodUsage> candidates = new ArrayList<>();
        try {
            own = method.resolve();
            for (MethodUsage inherited : inherited(own.declaringType())) {
                if (inherited.getName().equals(name) && inherited.getNoParams() == arity) {
                    candidates.add(inherited);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return; // an unresolvable declaring type: no dispatch edges for this method
        }
        if (candidates.isEmpty()) {
            return;
        }
        List<String> erased = new ArrayList<>();
        try {
            for (int i = 0; i < own.getNumberOfParams(); i++) {
                erased.add(own.getParam(i).getType().erasure().describe());
            }
        } catch (RuntimeException | StackOverflowError e) {
            return; // unresolvable parameter types: no dispatch edges for this method
        }
        for (MethodUsage inherited : candidates) {
            if (matches(inherited, own.getName(), erased)) {
                try {
                    String key = inherited.getDeclaration().getQualifiedSignature();
                    overridersBySignature.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(regionId);
                    overriddenNames.add(inherited.getName());
                } catch (RuntimeException | StackOverflowError e) {
                    // an inherited method whose signature cannot be named cannot be called by name either
                }
            }
        }
    }

    /** Returns the regions that override or implement the target, empty when none or not a method. */
    Set<String> overridersOf(ResolvedMethodLikeDeclaration target) {
        // The name first: naming the signature converts the target's parameter types (a walk of its body).
        if (!(target instanceof ResolvedMethodDeclaration) || !overriddenNames.contains(target.getName())) {
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
                        out.addAll(declaredMethods(ancestor));
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                // a hierarchy that does not resolve gives no dispatch edges
            }
            return out;
        });
    }

    private List<MethodUsage> declaredMethods(ResolvedReferenceType supertype) {
        if (CallShapes.mentionsTypeVariable(supertype, 0)) {
            return List.copyOf(supertype.getDeclaredMethods());
        }
        List<MethodUsage> known = declaredBySupertype.get(supertype.describe());
        if (known == null) {
            known = List.copyOf(supertype.getDeclaredMethods());
            declaredBySupertype.put(supertype.describe(), known);
        }
        return known;
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
