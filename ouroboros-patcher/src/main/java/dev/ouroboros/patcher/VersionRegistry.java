package dev.ouroboros.patcher;

import dev.ouroboros.patcher.internal.PayloadDigest;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every class a {@link LivePatcher} touched: version 0 holds the bytes the JVM ran
 * before the first patch, later numbers the bytes of each applied operation, each with its SHA-256,
 * time and reason. The bytes stay in memory so that any version can be restored exactly.
 *
 * <p>A class is identified by its loaded {@link Class} (name plus class loader), held weakly so that the
 * registry does not keep class loaders alive. The lookups by name answer for the first copy of that name
 * that was patched and is still loaded; use the {@code Class} overloads when one name lives in several
 * loaders. Thread-safe; the returned arrays are copies.
 */
public final class VersionRegistry {

    private final List<ClassHistory> histories = new ArrayList<>();

    VersionRegistry() {
    }

    /** Returns the bytes the JVM ran before Ouroboros first patched the named class. */
    public Optional<byte[]> originalBytes(String className) {
        return bytes(className, 0);
    }

    /** Returns the bytes the JVM ran before Ouroboros first patched the class. */
    public Optional<byte[]> originalBytes(Class<?> type) {
        return bytes(type, 0);
    }

    /** Returns every version of the named class, oldest first; empty when it was never patched. */
    public synchronized List<CodeVersion> history(String className) {
        return byName(className).map(h -> List.copyOf(h.versions)).orElse(List.of());
    }

    /** Returns every version of the class, oldest first; empty when it was never patched. */
    public synchronized List<CodeVersion> history(Class<?> type) {
        return byClass(type).map(h -> List.copyOf(h.versions)).orElse(List.of());
    }

    /** Returns a copy of the bytes of the given version of the named class. */
    public synchronized Optional<byte[]> bytes(String className, int number) {
        return byName(className).flatMap(h -> h.bytesOf(number));
    }

    /** Returns a copy of the bytes of the given version of the class. */
    public synchronized Optional<byte[]> bytes(Class<?> type, int number) {
        return byClass(type).flatMap(h -> h.bytesOf(number));
    }

    /** Returns the version the class runs now, as far as this registry knows; empty when never patched. */
    public synchronized Optional<CodeVersion> current(Class<?> type) {
        return byClass(type).map(h -> h.versions.get(h.current));
    }

    synchronized boolean contains(Class<?> type) {
        return byClass(type).isPresent();
    }

    synchronized CodeVersion recordOriginal(Class<?> type, byte[] bytes, Instant at, String reason) {
        if (contains(type)) {
            throw new IllegalStateException("original of " + type.getName() + " was already captured");
        }
        ClassHistory history = new ClassHistory(type);
        histories.add(history);
        return history.append(bytes, at, reason);
    }

    synchronized CodeVersion recordNew(Class<?> type, byte[] bytes, Instant at, String reason) {
        ClassHistory history = byClass(type).orElseThrow(() -> new IllegalStateException(
                "original of " + type.getName() + " must be captured before a new version"));
        CodeVersion version = history.append(bytes, at, reason);
        history.current = version.number();
        return version;
    }

    synchronized void markCurrent(Class<?> type, int number) {
        ClassHistory history = byClass(type).orElseThrow();
        history.version(number);
        history.current = number;
    }

    /** Returns the version and its bytes, or throws when the class or the number is unknown. */
    synchronized CodeVersion version(Class<?> type, int number) {
        ClassHistory history = byClass(type).orElseThrow(() -> new PatchRejectedException("class "
                + type.getName() + " was never patched by this LivePatcher; there is no version to restore"));
        return history.version(number);
    }

    private Optional<ClassHistory> byClass(Class<?> type) {
        return histories.stream().filter(h -> h.type.get() == type).findFirst();
    }

    private Optional<ClassHistory> byName(String className) {
        Optional<ClassHistory> live = histories.stream()
                .filter(h -> h.name.equals(className) && h.type.get() != null).findFirst();
        return live.isPresent() ? live : histories.stream().filter(h -> h.name.equals(className)).findFirst();
    }

    private static final class ClassHistory {
        final WeakReference<Class<?>> type;
        final String name;
        final List<CodeVersion> versions = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();
        int current;

        ClassHistory(Class<?> type) {
            this.type = new WeakReference<>(type);
            this.name = type.getName();
        }

        CodeVersion append(byte[] classFile, Instant at, String reason) {
            byte[] copy = classFile.clone();
            CodeVersion version = new CodeVersion(name, versions.size(), PayloadDigest.sha256(copy), at, reason);
            versions.add(version);
            bytes.add(copy);
            return version;
        }

        CodeVersion version(int number) {
            if (number < 0 || number >= versions.size()) {
                throw new PatchRejectedException("class " + name + " has versions 0 to " + (versions.size() - 1)
                        + ", not " + number + "; pick a number from VersionRegistry.history");
            }
            return versions.get(number);
        }

        Optional<byte[]> bytesOf(int number) {
            return number >= 0 && number < bytes.size() ? Optional.of(bytes.get(number).clone()) : Optional.empty();
        }
    }
}
