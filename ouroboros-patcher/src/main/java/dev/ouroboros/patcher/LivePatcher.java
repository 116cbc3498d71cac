package dev.ouroboros.patcher;

import dev.ouroboros.patcher.internal.AtomicSwap;
import dev.ouroboros.patcher.internal.AtomicSwap.Payload;
import dev.ouroboros.patcher.internal.BytesCapture;
import dev.ouroboros.patcher.internal.HelperDefinition;
import dev.ouroboros.patcher.internal.PayloadDigest;
import dev.ouroboros.patcher.internal.SwapFailure;
import dev.ouroboros.patcher.internal.UndoHistory;
import dev.ouroboros.patcher.internal.UndoHistory.Applied;
import dev.ouroboros.patcher.internal.UndoHistory.Step;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps proven winners into the live program and takes them back out.
 *
 * <p>{@link #apply} checks every class of a bundle against the bytes the JVM runs, verifies each payload's
 * digests right before the swap and redefines the whole bundle in one {@code redefineClasses} call, so
 * either every class runs its new code or none does. Every version's bytes are kept in the
 * {@link VersionRegistry}; {@link #rollbackLast()} and {@link #rollbackToOriginal} restore them exactly.
 * One swap at a time in the whole JVM. Running frames finish with the code they started with; static
 * initialisers do not run again.
 */
public final class LivePatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivePatcher.class);

    private final Instrumentation inst;
    private final BytesCapture capture = new BytesCapture();
    private final VersionRegistry versions = new VersionRegistry();
    private final RollbackLog rollbackLog = new RollbackLog();
    private final UndoHistory undo = new UndoHistory();
    private final List<PatchListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock writer = AtomicSwap.writerLock();
    private volatile boolean closed;

    /**
     * Creates a patcher; its retransform-capable transformer is registered only while it captures bytes.
     *
     * @param inst the JVM's instrumentation, for example from {@link AgentInstrumentation#obtain()}
     * @throws PatchRejectedException when the agent may not redefine or retransform classes
     */
    public LivePatcher(Instrumentation inst) {
        this.inst = Objects.requireNonNull(inst, "instrumentation must not be null");
        if (!inst.isRedefineClassesSupported() || !inst.isRetransformClassesSupported()) {
            throw new PatchRejectedException("the agent may not redefine or retransform classes; its jar manifest"
                    + " needs Can-Redefine-Classes: true and Can-Retransform-Classes: true");
        }
    }

    /**
     * Applies a bundle in one atomic swap.
     *
     * @return the new version of every class and the pause of the swap, never null
     * @throws PatchRejectedException naming class, member and rule; then every class stays as it was
     */
    public PatchReceipt apply(PatchBundle bundle) {
        Objects.requireNonNull(bundle, "bundle must not be null");
        writer.lock();
        try {
            ensureOpen();
            List<Payload> payloads = new ArrayList<>();
            for (PatchOperation op : bundle.operations()) {
                payloads.add(new Payload(op.target(), op.newBytes(), op.sha256(), op.crc32()));
            }
            List<byte[]> running = runningBytes("bundle '" + bundle.id() + "' refused, no class was changed",
                    payloads.stream().<Class<?>>map(Payload::target).toList());
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                PreflightReport report = PreflightCheck.check(running.get(i), payloads.get(i).bytes());
                if (!report.redefinable()) {
                    refusals.add(report.describe());
                }
            }
            if (!refusals.isEmpty()) {
                throw new PatchRejectedException("bundle '" + bundle.id() + "' refused, no class was changed: "
                        + String.join("; ", refusals));
            }
            long pause = swap(bundle.id(), payloads);
            Instant now = Instant.now();
            List<CodeVersion> created = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                Class<?> target = payloads.get(i).target();
                if (!versions.contains(target)) {
                    versions.recordOriginal(target, running.get(i), now,
                            "bytes the JVM ran before bundle '" + bundle.id() + "'");
                }
                int previous = versions.current(target).orElseThrow().number();
                created.add(versions.recordNew(target, payloads.get(i).bytes(), now,
                        bundle.operations().get(i).reason()));
                steps.add(Step.of(target, previous));
            }
            undo.push(new Applied(bundle.id(), steps));
            LOG.info("PatchApplied bundle={} classes={} pauseNanos={}", bundle.id(), created.size(), pause);
            PatchReceipt receipt = new PatchReceipt(bundle.id(), created, pause);
            notifyListeners(listener -> listener.patchApplied(receipt));
            return receipt;
        } finally {
            writer.unlock();
        }
    }

    /**
     * Undoes the last applied bundle that is still live, restoring each class to the version it had
     * before that bundle, in one atomic swap.
     *
     * @throws PatchRejectedException when no bundle is left to undo or a class was unloaded since
     */
    public RollbackEntry rollbackLast() {
        writer.lock();
        try {
            ensureOpen();
            return undo(undo.newest().orElseThrow(() -> new PatchRejectedException("nothing to roll back: no"
                    + " bundle applied through this LivePatcher is still live")));
        } finally {
            writer.unlock();
        }
    }

    /**
     * Undoes one live bundle, restoring each of its classes to the version it had before the bundle.
     *
     * @throws PatchRejectedException when the bundle is not live, when a later live bundle patched one of
     *     its classes again (undo that one first), or when a class was unloaded since
     */
    public RollbackEntry rollbackBundle(String bundleId) {
        Objects.requireNonNull(bundleId, "bundleId must not be null");
        writer.lock();
        try {
            ensureOpen();
            Applied applied = undo.find(bundleId).orElseThrow(() -> new PatchRejectedException("cannot roll back"
                    + " bundle '" + bundleId + "': it is not live; live bundles are " + undo.ids()));
            List<Applied> later = undo.laterOverlapping(applied);
            if (!later.isEmpty()) {
                throw new PatchRejectedException("cannot roll back bundle '" + bundleId + "' alone: later bundles "
                        + later.stream().map(Applied::id).toList() + " patched the same classes; roll those back"
                        + " first");
            }
            return undo(applied);
        } finally {
            writer.unlock();
        }
    }

    private RollbackEntry undo(Applied applied) {
        List<Payload> payloads = new ArrayList<>();
        List<CodeVersion> restored = new ArrayList<>();
        for (Step step : applied.steps()) {
            Class<?> target = step.target().get();
            if (target == null) {
                // With every class gone there is nothing left to restore; keeping the bundle would block
                // rollbackLast() for the bundles before it forever.
                boolean allGone = applied.steps().stream().allMatch(s -> s.target().get() == null);
                if (allGone) {
                    undo.remove(applied);
                }
                throw new PatchRejectedException("cannot roll back bundle '" + applied.id() + "': class "
                        + step.className() + " was unloaded since it was patched; nothing was changed"
                        + (allGone ? " and the bundle left the undo history" : "; restore its other classes"
                        + " with rollbackTo"));
            }
            restored.add(versions.version(target, step.previous()));
            payloads.add(restorePayload(target, step.previous()));
        }
        long pause = swap(applied.id(), payloads);
        undo.remove(applied);
        for (int i = 0; i < payloads.size(); i++) {
            versions.markCurrent(payloads.get(i).target(), restored.get(i).number());
        }
        return logged(new RollbackEntry(applied.id(), restored, pause));
    }

    /** Restores the bytes the JVM ran before Ouroboros first patched the class; see {@link #rollbackTo}. */
    public RollbackEntry rollbackToOriginal(Class<?> c) {
        return rollbackTo(c, 0);
    }

    /**
     * Restores one class to a version from its history. The class then leaves the undo history of
     * {@link #rollbackLast()}: bundles applied before stay undoable for their other classes.
     *
     * @throws PatchRejectedException when the class was never patched or the version does not exist
     */
    public RollbackEntry rollbackTo(Class<?> c, int number) {
        Objects.requireNonNull(c, "class must not be null");
        writer.lock();
        try {
            ensureOpen();
            CodeVersion target = versions.version(c, number);
            long pause = swap("to-version-" + number + ":" + c.getName(), List.of(restorePayload(c, number)));
            versions.markCurrent(c, number);
            undo.forget(c);
            return logged(new RollbackEntry("to-version-" + number + ":" + c.getName(), List.of(target), pause));
        } finally {
            writer.unlock();
        }
    }

    /**
     * Makes a class that a winner's code needs, but that the program never had, exist beside the class the
     * winner patches: defined in that class's loader and package, or the one already there when its code is
     * the same (a winner applied again). A class cannot be undefined: after a rollback it stays loaded,
     * unused. Call it before the bundle whose code refers to the helper.
     *
     * @param neighbour the loaded class whose new code uses the helper; the helper must be in its package
     * @param classFile the helper's class file, not changed
     * @return the helper class, never null
     * @throws PatchRejectedException when the helper is in another package, a class of its name is already
     *     loaded there with other code, the package is not open to the patcher, or the JVM refuses it; then
     *     nothing was defined
     */
    public Class<?> defineHelper(Class<?> neighbour, byte[] classFile) {
        Objects.requireNonNull(neighbour, "neighbour must not be null");
        Objects.requireNonNull(classFile, "classFile must not be null");
        writer.lock();
        try {
            ensureOpen();
            String name = HelperDefinition.nameOf(classFile);
            Class<?> existing = HelperDefinition.loaded(neighbour, name);
            if (existing != null) {
                if (!ClassFingerprint.of(captureRunning("helper " + name, existing)).equals(ClassFingerprint.of(classFile))) {
                    throw new PatchRejectedException("helper class " + name + " is already loaded by "
                            + existing.getClassLoader() + " with other code; a class cannot be replaced by a new one"
                            + " of the same name - nothing was defined");
                }
                return existing;
            }
            Class<?> defined = HelperDefinition.define(neighbour, classFile);
            LOG.info("HelperDefined class={} beside={}", name, neighbour.getName());
            return defined;
        } catch (IllegalArgumentException | IllegalAccessException | LinkageError e) {
            throw new PatchRejectedException("cannot define helper class beside " + neighbour.getName() + ": "
                    + e.getMessage() + " - nothing was defined", e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Returns the class file the JVM runs now for the class, read through a retransformation, not from disk.
     *
     * @throws PatchRejectedException when the JVM cannot retransform the class
     */
    public byte[] currentBytes(Class<?> c) {
        Objects.requireNonNull(c, "class must not be null");
        writer.lock();
        try {
            ensureOpen();
            return captureRunning("currentBytes", c);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Tells whether the JVM runs the code of the given version of the class, comparing the bytes it runs
     * now with the stored version by {@link ClassFingerprint}.
     *
     * @throws PatchRejectedException when the class was never patched or the version does not exist
     */
    public boolean runs(Class<?> c, int number) {
        Objects.requireNonNull(c, "class must not be null");
        writer.lock();
        try {
            ensureOpen();
            versions.version(c, number);
            byte[] stored = versions.bytes(c, number).orElseThrow();
            return ClassFingerprint.of(captureRunning("runs", c)).equals(ClassFingerprint.of(stored));
        } finally {
            writer.unlock();
        }
    }

    /** Returns every loaded copy of the named class, one per class loader that defined it. */
    public List<Class<?>> loadedCopies(String className) {
        List<Class<?>> copies = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(className)) {
                copies.add(c);
            }
        }
        return List.copyOf(copies);
    }

    /** Returns the versions of every class this patcher touched. */
    public VersionRegistry versions() {
        return versions;
    }

    /** Returns every rollback this patcher performed. */
    public RollbackLog rollbackLog() {
        return rollbackLog;
    }

    /** Adds a listener that hears every later swap and rollback. */
    public void addListener(PatchListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** Removes a listener added before; unknown listeners are ignored. */
    public void removeListener(PatchListener listener) {
        listeners.remove(listener);
    }

    /** Closes the patcher; the patched classes keep running the code they run now. */
    @Override
    public void close() {
        writer.lock();
        try {
            if (!closed) {
                closed = true;
            }
        } finally {
            writer.unlock();
        }
    }

    /**
     * Returns the bytes each class runs now: the current version this patcher holds when a patcher of this
     * JVM swapped exactly those bytes in last, else read through one retransformation (a class patched for
     * the first time, or one that another {@code LivePatcher} swapped since). Skipping the read saves a
     * second safepoint per swap; a {@code redefineClasses} call by another agent is not seen.
     */
    private List<byte[]> runningBytes(String context, List<Class<?>> classes) {
        List<byte[]> known = new ArrayList<>(classes.size());
        List<Class<?>> unknown = new ArrayList<>();
        for (Class<?> c : classes) {
            byte[] bytes = versions.current(c)
                    .filter(v -> AtomicSwap.lastInstalledSha256(c).filter(v.sha256()::equals).isPresent())
                    .flatMap(v -> versions.bytes(c, v.number()))
                    .orElse(null);
            known.add(bytes);
            if (bytes == null) {
                unknown.add(c);
            }
        }
        if (unknown.isEmpty()) {
            return known;
        }
        List<byte[]> captured = captureRunning(context, unknown);
        List<byte[]> running = new ArrayList<>(classes.size());
        int next = 0;
        for (byte[] bytes : known) {
            running.add(bytes != null ? bytes : captured.get(next++));
        }
        return running;
    }

    private byte[] captureRunning(String context, Class<?> c) {
        return captureRunning(context, List.of(c)).get(0);
    }

    /** Reads the running bytes of all classes with one retransformation. */
    private List<byte[]> captureRunning(String context, List<Class<?>> classes) {
        for (Class<?> c : classes) {
            if (!inst.isModifiableClass(c)) {
                throw new PatchRejectedException(context + ": class " + c.getName() + ": unmodifiable-class: the"
                        + " JVM cannot redefine it (primitive, array, hidden or lambda class); patch its declaring"
                        + " class");
            }
        }
        try {
            return capture.capture(inst, classes);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            throw new PatchRejectedException(context + ": classes " + classes.stream().map(Class::getName).toList()
                    + ": cannot read the bytes the JVM runs (" + e + ")", e);
        }
    }

    private long swap(String id, List<Payload> payloads) {
        try {
            return AtomicSwap.swap(inst, payloads);
        } catch (SwapFailure e) {
            throw new PatchRejectedException("bundle '" + id + "': " + e.getMessage(), e);
        }
    }

    private Payload restorePayload(Class<?> target, int number) {
        CodeVersion version = versions.version(target, number);
        byte[] bytes = versions.bytes(target, number).orElseThrow();
        // The digest recorded when the version was stored is what the restored bytes must still hash to.
        return new Payload(target, bytes, version.sha256(), PayloadDigest.crc32(bytes));
    }

    private RollbackEntry logged(RollbackEntry entry) {
        rollbackLog.append(entry);
        LOG.info("RollbackExecuted bundle={} classes={} pauseNanos={}", entry.bundleId(), entry.restored().size(),
                entry.pauseNanos());
        notifyListeners(listener -> listener.rollbackExecuted(entry));
        return entry;
    }

    void notifyListeners(Consumer<PatchListener> event) {
        for (PatchListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("patch listener {} failed; the swap stands", listener, e);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LivePatcher is closed; create a new one");
        }
    }
}
