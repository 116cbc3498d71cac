package dev.ouroboros.arena;

import dev.ouroboros.arena.internal.RecordedValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One real call recorded from the running program, replayed by the differential gate
 * ({@link DifferentialCheck}) against the original and the mutant.
 *
 * <p>The arguments travel to the worker without Java serialization, as values it rebuilds: null,
 * boxed primitives, strings, arrays, lists, sets and maps of them, enum constants and records whose
 * components are such values (rebuilt through the record's canonical constructor, by class name, in
 * each version's class loader). Anything else is refused here.
 *
 * @param className  binary name of the class declaring the method, e.g. {@code pkg.Foo$Inner}
 * @param methodName the method's name ({@code <init>} for a constructor)
 * @param descriptor the method's JVM descriptor, e.g. {@code (Ljava/util/List;)Ljava/lang/String;}
 * @param arguments  the argument values in parameter order (null elements allowed); for an instance
 *                   method the receiver is built as for generated inputs
 */
public record RecordedInput(String className, String methodName, String descriptor, List<Object> arguments) {

    /** Validates the names and that every argument can be rebuilt in a worker. */
    public RecordedInput {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(arguments, "arguments");
        if (className.isBlank() || className.contains("/")) {
            throw new IllegalArgumentException("className must be a binary name like pkg.Foo, was '" + className + "'");
        }
        if (methodName.isBlank() || !descriptor.startsWith("(") || descriptor.indexOf(')') < 0) {
            throw new IllegalArgumentException("a recorded input needs a method name and a JVM descriptor like (I)J, were '"
                    + methodName + "' and '" + descriptor + "'");
        }
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        RecordedValues.encode(arguments);
    }

    /** A recorded call of {@code className.methodName descriptor} with {@code arguments}. */
    public static RecordedInput of(String className, String methodName, String descriptor, Object... arguments) {
        return new RecordedInput(className, methodName, descriptor, Arrays.asList(arguments));
    }

    /**
     * The arguments' serialization-free text form: equal texts replay the same call.
     *
     * @throws IllegalArgumentException naming the first argument that cannot be rebuilt in a worker
     */
    public static String encode(Object[] arguments) {
        return RecordedValues.encode(Arrays.asList(Objects.requireNonNull(arguments, "arguments")));
    }

    /**
     * Rebuilds a call from its {@link #encode text form} with {@code loader}'s classes (its records and
     * enums): fresh, deep copies, so that encoding a call the running program makes and decoding it records
     * the arguments as they were, whatever the program does with them afterwards.
     */
    public static RecordedInput decode(String className, String methodName, String descriptor, String encoded,
            ClassLoader loader) {
        return new RecordedInput(className, methodName, descriptor, RecordedValues.decode(encoded, loader));
    }

    /** The method as the gate names it: {@code pkg.Foo#name(desc)}. */
    public String method() {
        return className + "#" + methodName + descriptor;
    }
}
