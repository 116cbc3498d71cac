package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the program under test inside a sandbox worker: the original or a mutant.
 *
 * <p>It is child-first for exactly the classes whose version matters: the classes in its override
 * map (defined from those bytes), their nested classes that the map lacks, and the test classes
 * with their nested classes (defined from the bytes the parent sees), so that the tests link
 * against this loader's version of the target. Everything else (JUnit, the JDK, the rest of the
 * application) comes from the parent, shared by both versions.
 */
public final class CandidateClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> overrides;
    private final Set<String> childFirstRoots;

    /**
     * @param name            a name for diagnostics ("original" or "mutant")
     * @param parent          the worker's class loader, which sees the user's test class path
     * @param overrides       class bytes keyed by binary name, defined by this loader
     * @param testClassNames  binary names of the test classes to define in this loader
     */
    public CandidateClassLoader(String name, ClassLoader parent, Map<String, byte[]> overrides,
            List<String> testClassNames) {
        super(name, parent);
        this.overrides = Map.copyOf(overrides);
        this.childFirstRoots = new java.util.HashSet<>(overrides.keySet());
        this.childFirstRoots.addAll(testClassNames);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = overrides.get(name);
                if (bytes == null && isChildFirst(name)) {
                    bytes = parentBytes(name);
                }
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private boolean isChildFirst(String name) {
        if (childFirstRoots.contains(name)) {
            return true;
        }
        int dollar = name.indexOf('$');
        while (dollar > 0) {
            if (childFirstRoots.contains(name.substring(0, dollar))) {
                return true;
            }
            dollar = name.indexOf('$', dollar + 1);
        }
        return false;
    }

    private byte[] parentBytes(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException("cannot read " + resource + " for the " + getName() + " loader", e);
        }
    }
}
