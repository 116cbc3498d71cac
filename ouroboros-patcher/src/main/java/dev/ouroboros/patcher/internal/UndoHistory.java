package dev.ouroboros.patcher.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

/**
 * The bundles that are live and can still be undone, newest first, each with the version every class
 * had before it. Classes are held weakly so that patching never keeps a class loader alive. Not
 * thread-safe: guarded by {@link AtomicSwap#writerLock()}.
 */
public final class UndoHistory {

    /** One class of an applied bundle and the version number it ran before the bundle. */
    public record Step(WeakReference<Class<?>> target, String className, int previous) {
        /** Creates a step for a loaded class. */
        public static Step of(Class<?> target, int previous) {
            return new Step(new WeakReference<>(target), target.getName(), previous);
        }
    }

    /** A live bundle. */
    public record Applied(String id, List<Step> steps) {
        /** Copies the steps. */
        public Applied {
            steps = List.copyOf(steps);
        }
    }

    private final LinkedList<Applied> live = new LinkedList<>();

    /** Records a bundle that just went live. */
    public void push(Applied applied) {
        live.addFirst(applied);
    }

    /** Returns the newest live bundle. */
    public Optional<Applied> newest() {
        return live.isEmpty() ? Optional.empty() : Optional.of(live.getFirst());
    }

    /** Returns the newest live bundle with the given id. */
    public Optional<Applied> find(String id) {
        return live.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Returns the live bundles applied after the given one that touch one of its classes. */
    public List<Applied> laterOverlapping(Applied applied) {
        List<Applied> overlapping = new ArrayList<>();
        for (Applied later : live) {
            if (later == applied) {
                break;
            }
            boolean shares = later.steps().stream().anyMatch(s -> applied.steps().stream()
                    .anyMatch(t -> s.target().get() != null && s.target().get() == t.target().get()));
            if (shares) {
                overlapping.add(later);
            }
        }
        return overlapping;
    }

    /** Forgets a bundle after it was undone. */
    public void remove(Applied applied) {
        live.removeIf(a -> a == applied);
    }

    /** Forgets the class in every bundle, dropping bundles left without classes. */
    public void forget(Class<?> type) {
        List<Applied> kept = new ArrayList<>();
        for (Applied applied : live) {
            List<Step> steps = applied.steps().stream().filter(s -> s.target().get() != type).toList();
            if (!steps.isEmpty()) {
                kept.add(new Applied(applied.id(), steps));
            }
        }
        live.clear();
        live.addAll(kept);
    }

    /** Returns the ids of the live bundles, newest first. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Iterator<Applied> it = live.iterator(); it.hasNext();) {
            ids.add(it.next().id());
        }
        return ids;
    }
}
