package dev.ouroboros.arena;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one in-memory compilation produced: the bytes of every class of the compiled units and
 * the compiler's messages.
 *
 * @param success     true when javac reported no error; {@code classes} is then complete
 * @param classes     class-file bytes keyed by binary name ({@code pkg.Outer$Inner}); empty when
 *                    the compilation failed; never null
 * @param diagnostics javac's messages in order, each starting {@code pkg/Foo.java:12: error: }
 *                    (or {@code warning:}, {@code note:}); never null
 */
public record CompilationResult(boolean success, Map<String, byte[]> classes, List<String> diagnostics) {

    /** Validates and copies the collections; the byte arrays are shared, not copied. */
    public CompilationResult {
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(diagnostics, "diagnostics");
        classes = Map.copyOf(classes);
        diagnostics = List.copyOf(diagnostics);
        if (!success && !classes.isEmpty()) {
            throw new IllegalArgumentException(
                    "a failed compilation carries no classes, had " + classes.keySet());
        }
    }

    /** The error diagnostics only, in order; never null. */
    public List<String> errors() {
        return diagnostics.stream().filter(d -> d.contains(": error: ") || d.startsWith("error: ")).toList();
    }
}
