package dev.ouroboros.arena.internal;

import dev.ouroboros.arena.ArenaWorkload;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The default JMH workload: a candidate's JUnit Jupiter test methods called by reflection. JUnit's
 * annotations are recognised by name, so the arena needs no JUnit at compile time, and the test
 * classes are loaded through the candidate's loader so that they link against the candidate.
 */
public final class JUnitTestsWorkload implements ArenaWorkload {

    private static final String JUPITER = "org.junit.jupiter.api.";

    private final List<String> testClassNames;
    private final List<TestClass> classes = new ArrayList<>();

    /** A workload over these test classes (binary names); not empty. */
    public JUnitTestsWorkload(List<String> testClassNames) {
        Objects.requireNonNull(testClassNames, "testClassNames");
        if (testClassNames.isEmpty()) {
            throw new IllegalArgumentException("the JUnit workload needs at least one test class, had none");
        }
        this.testClassNames = List.copyOf(testClassNames);
    }

    private record TestClass(Constructor<?> constructor, List<Method> beforeEach, List<Method> tests,
            List<Method> afterEach) {
    }

    @Override
    public void setUp(ClassLoader candidateLoader) throws Exception {
        classes.clear();
        for (String name : testClassNames) {
            Class<?> type = Class.forName(name, true, candidateLoader);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            List<Method> tests = annotated(type, "Test");
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("test class " + name + " has no @Test method without parameters");
            }
            for (Method m : annotated(type, "BeforeAll")) {
                if (Modifier.isStatic(m.getModifiers())) {
                    try {
                        invoke(m, null);
                    } catch (Exception | Error e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IllegalStateException("@BeforeAll " + m + " threw " + t, t);
                    }
                }
            }
            classes.add(new TestClass(constructor, annotated(type, "BeforeEach"), tests, annotated(type, "AfterEach")));
        }
    }

    @Override
    public void run(ClassLoader candidateLoader, Blackhole blackhole) throws Throwable {
        for (TestClass c : classes) {
            for (Method test : c.tests()) {
                Object instance = c.constructor().newInstance();
                for (Method m : c.beforeEach()) {
                    invoke(m, instance);
                }
                blackhole.consume(invoke(test, instance));
                for (Method m : c.afterEach()) {
                    invoke(m, instance);
                }
                blackhole.consume(instance);
            }
        }
    }

    /** Methods without parameters annotated {@code @org.junit.jupiter.api.<simpleName>}, superclasses first, each in name order. */
    private static List<Method> annotated(Class<?> type, String simpleName) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Method> found = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            List<Method> own = new ArrayList<>();
            for (Method m : c.getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && !m.isSynthetic() && hasAnnotation(m, JUPITER + simpleName)) {
                    m.setAccessible(true);
                    own.add(m);
                }
            }
            own.sort(Comparator.comparing(Method::getName));
            found.addAll(own);
        }
        return found;
    }

    private static boolean hasAnnotation(Method m, String annotationName) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().getName().equals(annotationName)) {
                return true;
            }
        }
        return false;
    }

    private static Object invoke(Method m, Object target) throws Throwable {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
