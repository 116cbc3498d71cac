package dev.ouroboros.arena.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs test classes through the JUnit Platform Launcher inside a sandbox worker, with the test
 * classes already loaded by one candidate's class loader. One launcher serves every run.
 */
final class TestRunner {

    /**
     * What one run of all test classes did; {@code failures} lists "test: exception" lines and
     * {@code nanos} is the summed execution time of the test methods themselves (discovery and
     * engine overhead excluded, so that the timing screen sees the code under test, not JUnit);
     * {@code testNanos} is each test's own time, by JUnit unique ID, in the order they ran.
     */
    record Run(int testsRun, List<String> failures, long nanos, Map<String, Long> testNanos) {
        boolean failed() {
            return !failures.isEmpty();
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Launcher launcher = LauncherFactory.create();
    private final WorkerProgress progress;
    private volatile boolean cpuClock;

    /**
     * Times test methods in CPU time instead of wall time, where the JVM supports it: the CPU time of
     * every live Java thread (so work handed to pools and helper threads counts) plus GC time.
     */
    void useCpuClock(boolean cpu) {
        this.cpuClock = cpu && THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    private long now() {
        if (!cpuClock) {
            return System.nanoTime();
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long cpu = 0;
        for (long id : THREADS.getAllThreadIds()) {
            cpu += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return cpu + gcMillis * 1_000_000L;
    }

    TestRunner(WorkerProgress progress) {
        this.progress = progress;
    }

    /** Runs {@code testClasses} with {@code loader} as the thread's context class loader; timed in nanoseconds. */
    Run run(ClassLoader loader, List<Class<?>> testClasses) {
        return execute(loader, testClasses.stream().map(c -> (DiscoverySelector) selectClass(c)).toList());
    }

    /**
     * Runs the tests of a {@link FailFastPlan} batch by batch, in its order, and stops after the first
     * batch with a failure: the counts, failures and times are those of the batches that ran.
     */
    Run runBatches(ClassLoader loader, List<Class<?>> testClasses, List<List<String>> batches) {
        int tests = 0;
        long nanos = 0;
        List<String> failures = new ArrayList<>();
        Map<String, Long> testNanos = new LinkedHashMap<>();
        for (List<String> batch : batches) {
            Run r = execute(loader, batch.stream().map(id -> FailFastPlan.selector(id, testClasses)).toList());
            tests += r.testsRun();
            nanos += r.nanos();
            failures.addAll(r.failures());
            testNanos.putAll(r.testNanos());
            if (r.failed()) {
                break;
            }
        }
        return new Run(tests, List.copyOf(failures), nanos, testNanos);
    }

    private Run execute(ClassLoader loader, List<DiscoverySelector> selectors) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Listener listener = new Listener();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            launcher.execute(request, listener);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new Run(listener.tests.get(), List.copyOf(listener.failures), listener.testNanos.get(),
                Map.copyOf(listener.perTest));
    }

    private final class Listener implements TestExecutionListener {
        final AtomicInteger tests = new AtomicInteger();
        final AtomicLong testNanos = new AtomicLong();
        final Map<String, Long> started = new ConcurrentHashMap<>();
        final Map<String, Long> perTest = new ConcurrentHashMap<>();
        final List<String> failures = new ArrayList<>();

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                progress.test(name(id));
                started.put(id.getUniqueId(), now());
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                Long begin = started.remove(id.getUniqueId());
                if (begin != null) {
                    long nanos = now() - begin;
                    testNanos.addAndGet(nanos);
                    perTest.put(id.getUniqueId(), nanos);
                }
                tests.incrementAndGet();
                progress.test(null);
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                String cause = result.getThrowable().map(WorkerProtocol::describe).orElse("failed without an exception");
                synchronized (failures) {
                    failures.add(name(id) + ": " + cause);
                }
            }
        }
    }

    static String name(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource m) {
            return simpleName(m.getClassName()) + "." + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
        }
        if (source.isPresent() && source.get() instanceof ClassSource c) {
            return simpleName(c.getClassName());
        }
        return id.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
