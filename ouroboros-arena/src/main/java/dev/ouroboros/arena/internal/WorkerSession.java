package dev.ouroboros.arena.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One candidate's evaluation inside a worker: load both versions, prove the original passes its
 * tests, prove the mutant passes the same tests, then time both in paired rounds.
 */
final class WorkerSession {

    private static final int MAX_DETAIL = 2000;

    private final Path dir;
    private final Properties request;
    private final WorkerProgress progress;

    WorkerSession(Path dir, Properties request, WorkerProgress progress) {
        this.dir = dir;
        this.request = request;
        this.progress = progress;
    }

    /** Evaluates the candidate and returns the result properties (outcome, detail, counts, timings). */
    Properties evaluate() throws IOException {
        List<String> classNames = WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_CLASSES));
        List<String> testNames = WorkerProtocol.split(request.getProperty(WorkerProtocol.KEY_TEST_CLASSES));
        int warmup = Integer.parseInt(request.getProperty(WorkerProtocol.KEY_WARMUP, "0"));
        int measured = Integer.parseInt(request.getProperty(WorkerProtocol.KEY_MEASURED, "1"));
        ClassLoader parent = WorkerSession.class.getClassLoader();
        CandidateClassLoader originalLoader = new CandidateClassLoader("original", parent,
                readClasses(dir.resolve(WorkerProtocol.ORIGINAL_DIR), classNames), testNames);
        CandidateClassLoader mutantLoader = new CandidateClassLoader("mutant", parent,
                readClasses(dir.resolve(WorkerProtocol.MUTANT_DIR), classNames), testNames);

        progress.phase("loading the test classes");
        List<Class<?>> originalTests = new ArrayList<>();
        List<Class<?>> mutantTests = new ArrayList<>();
        for (String name : testNames) {
            try {
                originalTests.add(Class.forName(name, false, originalLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                return result(WorkerProtocol.ORIGINAL_TESTS_FAILED, "test class " + name
                        + " cannot be loaded with the original classes: " + WorkerProtocol.describe(e), 0);
            }
            try {
                mutantTests.add(Class.forName(name, false, mutantLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                return result(WorkerProtocol.TESTS_FAILED, "test class " + name
                        + " cannot be loaded with the mutant classes: " + WorkerProtocol.describe(e), 0);
            }
        }

        TestRunner runner = new TestRunner(progress);
        progress.phase("original tests");
        TestRunner.Run original = runner.run(originalLoader, originalTests);
        if (original.failed()) {
            return result(WorkerProtocol.ORIGINAL_TESTS_FAILED,
                    "the original fails its own tests: " + original.failures().get(0), original.testsRun());
        }
        if (original.testsRun() == 0) {
            return result(WorkerProtocol.NO_TESTS_FOUND, "no tests found in " + testNames, 0);
        }
        progress.phase("mutant tests");
        TestRunner.Run mutant = runner.run(mutantLoader, mutantTests);
        if (mutant.failed()) {
            return result(WorkerProtocol.TESTS_FAILED, mutant.failures().get(0), mutant.testsRun());
        }
        if (mutant.testsRun() != original.testsRun()) {
            return result(WorkerProtocol.TESTS_FAILED, "the mutant ran " + mutant.testsRun()
                    + " tests, the original " + original.testsRun(), mutant.testsRun());
        }

        List<Long> originalNanos = new ArrayList<>();
        List<Long> mutantNanos = new ArrayList<>();
        for (int round = 0; round < warmup + measured; round++) {
            boolean warm = round < warmup;
            progress.phase((warm ? "warm-up round " + (round + 1) : "timing round " + (round - warmup + 1)));
            boolean originalFirst = round % 2 == 0;
            TestRunner.Run first = runner.run(originalFirst ? originalLoader : mutantLoader,
                    originalFirst ? originalTests : mutantTests);
            TestRunner.Run second = runner.run(originalFirst ? mutantLoader : originalLoader,
                    originalFirst ? mutantTests : originalTests);
            TestRunner.Run o = originalFirst ? first : second;
            TestRunner.Run m = originalFirst ? second : first;
            if (o.failed()) {
                return result(WorkerProtocol.ORIGINAL_TESTS_FAILED, "the original failed during "
                        + progress.describe() + " (a flaky test?): " + o.failures().get(0), o.testsRun());
            }
            if (m.failed()) {
                return result(WorkerProtocol.TESTS_FAILED, "failed during " + progress.describe() + ": "
                        + m.failures().get(0), m.testsRun());
            }
            if (!warm) {
                originalNanos.add(o.nanos());
                mutantNanos.add(m.nanos());
            }
        }
        Properties passed = result(WorkerProtocol.PASSED, "", mutant.testsRun());
        passed.setProperty(WorkerProtocol.KEY_ORIGINAL_NANOS, WorkerProtocol.join(originalNanos));
        passed.setProperty(WorkerProtocol.KEY_MUTANT_NANOS, WorkerProtocol.join(mutantNanos));
        return passed;
    }

    static Properties result(String outcome, String detail, int testsRun) {
        Properties p = new Properties();
        p.setProperty(WorkerProtocol.KEY_OUTCOME, outcome);
        p.setProperty(WorkerProtocol.KEY_DETAIL,
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail);
        p.setProperty(WorkerProtocol.KEY_TESTS_RUN, Integer.toString(testsRun));
        return p;
    }

    private static Map<String, byte[]> readClasses(Path root, List<String> names) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : names) {
            classes.put(name, Files.readAllBytes(WorkerProtocol.classFile(root, name)));
        }
        return classes;
    }
}
