package dev.ouroboros.patcher.internal;

import java.lang.invoke.MethodHandles;
import java.util.Objects;
import org.objectweb.asm.ClassReader;

/**
 * Defines a class that a winner's code needs but the program never had (a memo table, for example)
 * in the class loader and package of a class the program runs, through a private
 * {@link MethodHandles.Lookup} of that class: the same loader, package and protection domain as if it
 * had been on the class path.
 */
public final class HelperDefinition {

    private HelperDefinition() {
    }

    /** The binary name the class file declares, e.g. {@code com.acme.Prices_total_Memo}. */
    public static String nameOf(byte[] classFile) {
        return new ClassReader(Objects.requireNonNull(classFile, "classFile")).getClassName().replace('/', '.');
    }

    /**
     * The class of that name the neighbour's loader already has, if any; never loads or initialises one
     * from elsewhere than that loader's own delegation.
     */
    public static Class<?> loaded(Class<?> neighbour, String name) {
        try {
            return Class.forName(name, false, neighbour.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Defines the class in the neighbour's loader and package.
     *
     * @throws IllegalArgumentException when the class file is in another package than the neighbour
     * @throws IllegalAccessException when the neighbour's module does not open its package to the patcher
     * @throws LinkageError when the JVM refuses the class file
     */
    public static Class<?> define(Class<?> neighbour, byte[] classFile) throws IllegalAccessException {
        String name = nameOf(classFile);
        String pkg = name.lastIndexOf('.') < 0 ? "" : name.substring(0, name.lastIndexOf('.'));
        if (!pkg.equals(neighbour.getPackageName())) {
            throw new IllegalArgumentException("helper class " + name + " is not in the package of "
                    + neighbour.getName() + " ('" + neighbour.getPackageName() + "'); a helper is defined beside the"
                    + " class whose code uses it");
        }
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(neighbour, MethodHandles.lookup());
        return lookup.defineClass(classFile.clone());
    }
}
