package dev.ouroboros.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.patcher.HealthSample;
import dev.ouroboros.patcher.PreflightCheck;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe's instrumented copies, defined and run by the real JVM (whose verifier checks the frames):
 * they behave as the original, count every call, failure and nanosecond, and stay redefinable.
 */
class ProbeInstrumenterTest {

    @Test
    void probedCopyBehavesTheSameAndCountsCallsFailuresAndTime() throws Exception {
        byte[] original = bytesOf(Meter.class);
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String method : new String[] {"countEven([I)I", "scale(JD[I)D", "checked(I)I", "parseOrZero(Ljava/lang/String;)I",
            "add(J)V"}) {
            slots.put(method, CallCounters.register());
        }
        byte[] probed = ProbeInstrumenter.instrument(original, slots);

        assertThat(PreflightCheck.check(original, probed).redefinable()).isTrue();
        Class<?> copy = new Child(Meter.class.getName(), probed).loadClass(Meter.class.getName());
        assertThat(copy).isNotSameAs(Meter.class);
        Object meter = copy.getConstructor().newInstance();

        assertThat(call(copy, null, "countEven", new int[] {1, 2, 3, 4, 6})).isEqualTo(3);
        assertThat(call(copy, meter, "scale", 3L, 2.0, new int[] {1, 1})).isEqualTo(8.0);
        assertThat(call(copy, null, "checked", 5)).isEqualTo(10);
        assertThatThrownBy(() -> call(copy, null, "checked", -1)).isInstanceOf(InvocationTargetException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("negative: -1");
        assertThat(call(copy, null, "parseOrZero", "12")).isEqualTo(12);
        assertThat(call(copy, null, "parseOrZero", "x")).isEqualTo(0);
        call(copy, meter, "add", 0L);
        call(copy, meter, "add", 7L);
        assertThat(call(copy, meter, "sum")).isEqualTo(15L);

        HealthSample checked = CallCounters.sample(new int[] {slots.get("checked(I)I")});
        assertThat(checked.calls()).isEqualTo(2);
        assertThat(checked.failures()).isEqualTo(1);
        HealthSample parse = CallCounters.sample(new int[] {slots.get("parseOrZero(Ljava/lang/String;)I")});
        assertThat(parse.calls()).as("an exception caught inside the method is no failure").isEqualTo(2);
        assertThat(parse.failures()).isZero();
        HealthSample all = CallCounters.sample(slots.values().stream().mapToInt(Integer::intValue).toArray());
        assertThat(all.calls()).isEqualTo(8);
        assertThat(all.failures()).isEqualTo(1);
        assertThat(all.totalNanos()).isPositive();
    }

    @Test
    void onlyTheMethodsWhoseCodeChangedAreWatched() throws Exception {
        byte[] original = bytesOf(Meter.class);
        Map<String, Integer> one = Map.of("checked(I)I", CallCounters.register());
        byte[] probed = ProbeInstrumenter.instrument(original, one);

        assertThat(MethodBodies.changed(original, original)).isEmpty();
        assertThat(MethodBodies.changed(original, probed)).containsExactly("checked(I)I");
    }

    @Test
    void constructorsAreNeverWrapped() throws Exception {
        byte[] original = bytesOf(Meter.class);
        assertThatThrownBy(() -> ProbeInstrumenter.instrument(original, Map.of("<init>()V", CallCounters.register())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constructors");
    }

    @Test
    void classInALoaderThatCannotSeeTheCountersIsNotProbeable() throws Exception {
        URL classes = Path.of(Meter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        try (URLClassLoader isolated = new URLClassLoader("isolated", new URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(Meter.class.getName());

            assertThat(ProbePlan.whyNotProbeable(copy)).hasValueSatisfying(why -> assertThat(why)
                    .contains("isolated").contains("cannot see " + CallCounters.class.getName()));
        }
        assertThat(ProbePlan.whyNotProbeable(Meter.class)).isEmpty();
        assertThat(ProbePlan.whyNotProbeable(String.class)).hasValueSatisfying(why -> assertThat(why)
                .contains("boot class"));
    }

    private static Object call(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return m.invoke(target, args);
            }
        }
        throw new AssertionError("no method " + name);
    }

    static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Defines one class from given bytes, child first; everything else comes from the test's loader. */
    private static final class Child extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        Child(String name, byte[] bytes) {
            super(ProbeInstrumenterTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> c = findLoadedClass(className);
                    return c != null ? c : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
