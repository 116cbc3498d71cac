package dev.ouroboros.patcher;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Classes that go live together, in one atomic {@code redefineClasses} call: either every class of the
 * bundle runs its new code afterwards, or none does.
 *
 * @param id names the bundle in receipts, the rollback log and error messages, never blank
 * @param operations one per loaded class, never empty, no class twice
 * @param reason why the bundle is applied, never blank
 */
public record PatchBundle(String id, List<PatchOperation> operations, String reason) {

    /** Validates the bundle and copies the operation list. */
    public PatchBundle {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank, was '" + id + "'");
        }
        Objects.requireNonNull(operations, "operations must not be null");
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("operations must not be empty, bundle was '" + id + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, was '" + reason + "'");
        }
        operations = List.copyOf(operations);
        Set<Class<?>> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PatchOperation operation : operations) {
            if (!targets.add(operation.target())) {
                throw new IllegalArgumentException("operations must not target a class twice, bundle '" + id
                        + "' targets " + operation.target().getName() + " more than once");
            }
        }
    }

    /** Creates a bundle of one operation whose reason is the bundle's reason. */
    public static PatchBundle of(String id, PatchOperation operation) {
        return new PatchBundle(id, List.of(operation), operation.reason());
    }
}
