package dev.ouroboros.patcher;

import dev.ouroboros.patcher.fixture.Counter;
import dev.ouroboros.patcher.fixture.Greeter;
import dev.ouroboros.patcher.fixture.Variants;
import dev.ouroboros.patcher.internal.AtomicSwap;
import dev.ouroboros.patcher.internal.PayloadDigest;
import dev.ouroboros.patcher.internal.SwapFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The main class of the forked JVM started with {@code -javaagent}: it patches the fixtures through the
 * real agent and prints one {@code fact key=value} line per observation for {@link LivePatcherAgentTest}.
 */
public final class LiveScenarios {

    private LiveScenarios() {
    }

    private static Path variants;

    /**
     * Runs every scenario.
     *
     * @param args the directory of the variant class files compiled by the test, and the number of load cycles
     */
    public static void main(String[] args) throws Exception {
        variants = Path.of(args[0]);
        fact("agent.current", AgentInstrumentation.current().isPresent() ? "present" : "absent");
        fact("startup.args", RecordingStartup.lastArgs);
        fact("startup.sameInstrumentation",
                RecordingStartup.lastInstrumentation == AgentInstrumentation.current().orElse(null));
        Instrumentation inst = AgentInstrumentation.current().orElseThrow();
        try (LivePatcher patcher = new LivePatcher(inst)) {
            run("applyAndRollback", () -> applyAndRollback(patcher));
            run("badBundle", () -> badBundleChangesNothing(patcher));
            run("jvmRefusal", () -> jvmRefusalChangesNothing(patcher));
            run("tamperedPayload", () -> tamperedPayloadIsNotSwapped(patcher));
            run("unmodifiable", () -> unmodifiableClassIsRefused(patcher));
            run("toOriginal", () -> rollbackToOriginalAfterTwoBundles(patcher));
            run("twins", () -> everyCopyAcrossLoadersInOneCall(patcher));
            run("helper", () -> HelperScenario.run(patcher));
            run("captureOnce", () -> CaptureOnce.run(patcher, inst));
            run("unloaded", () -> UnloadedClass.run(patcher, classesUrl()));
            run("load", () -> SwapUnderLoad.run(patcher, Integer.parseInt(args[1])));
        }
        fact("done", true);
    }

    private static void applyAndRollback(LivePatcher patcher) {
        Greeter greeter = new Greeter();
        fact("greet.before", greeter.greet());
        PatchReceipt receipt = patcher.apply(PatchBundle.of("b-greet",
                new PatchOperation(Greeter.class, greeterBytes("patched"), "winner m-1")));
        fact("greet.afterApply", greeter.greet());
        fact("apply.versions", receipt.versions().stream().map(CodeVersion::number).toList());
        fact("apply.pausePositive", receipt.pauseNanos() > 0);
        byte[] originalBytes = patcher.versions().originalBytes(Greeter.class).orElseThrow();
        String original = patcher.versions().history(Greeter.class).get(0).sha256();
        fact("bytes.afterApplyIsVersion1", ClassFingerprint.of(patcher.currentBytes(Greeter.class))
                .equals(ClassFingerprint.of(greeterBytes("patched"))));
        fact("runs.afterApply", patcher.runs(Greeter.class, 1) + "," + patcher.runs(Greeter.class, 0));
        fact("history.afterApply", numbers(patcher.versions().history(Greeter.class.getName())));
        RollbackEntry entry = patcher.rollbackLast();
        fact("greet.afterRollback", greeter.greet());
        fact("rollback.bundleId", entry.bundleId());
        fact("rollback.restored", numbers(entry.restored()));
        fact("bytes.afterRollbackIsOriginal", fingerprint(patcher.currentBytes(Greeter.class))
                .equals(fingerprint(originalBytes)));
        fact("runs.afterRollback", patcher.runs(Greeter.class, 0) + "," + patcher.runs(Greeter.class, 1));
        fact("registry.originalMatchesSha", sha(patcher.versions().originalBytes(Greeter.class.getName())
                .orElseThrow()).equals(original));
        fact("rollbackLog.size", patcher.rollbackLog().entries().size());
        fact("current.afterRollback", patcher.versions().current(Greeter.class).orElseThrow().number());
    }

    private static void badBundleChangesNothing(LivePatcher patcher) {
        Greeter greeter = new Greeter();
        Counter counter = new Counter();
        int historyBefore = patcher.versions().history(Greeter.class).size();
        String greeterBefore = fingerprint(patcher.currentBytes(Greeter.class));
        String counterBefore = fingerprint(patcher.currentBytes(Counter.class));
        try {
            patcher.apply(new PatchBundle("b-bad", List.of(
                    new PatchOperation(Greeter.class, greeterBytes("must-not-run"), "valid half"),
                    new PatchOperation(Counter.class, variant("counter-added"), "invalid half")), "mixed"));
            fact("bad.rejected", false);
        } catch (PatchRejectedException e) {
            fact("bad.rejected", true);
            fact("bad.message", e.getMessage());
        }
        fact("bad.greetAfter", greeter.greet());
        fact("bad.counterAfter", counter.next() + "," + counter.next());
        fact("bad.greeterBytesUnchanged", fingerprint(patcher.currentBytes(Greeter.class)).equals(greeterBefore));
        fact("bad.counterBytesUnchanged", fingerprint(patcher.currentBytes(Counter.class)).equals(counterBefore));
        fact("bad.historyUnchanged", patcher.versions().history(Greeter.class).size() == historyBefore);
        fact("bad.counterNotRegistered", patcher.versions().history(Counter.class).isEmpty());
    }

    private static void jvmRefusalChangesNothing(LivePatcher patcher) {
        Greeter greeter = new Greeter();
        Counter counter = new Counter();
        byte[] unverifiable = returnIntFromGreet(patcher.currentBytes(Greeter.class));
        fact("refusal.preflightPasses", PreflightCheck.check(patcher.currentBytes(Greeter.class), unverifiable)
                .redefinable());
        try {
            patcher.apply(new PatchBundle("b-unverifiable", List.of(
                    new PatchOperation(Counter.class, variant("counter-100"), "valid half"),
                    new PatchOperation(Greeter.class, unverifiable, "fails the JVM's verifier")), "mixed"));
            fact("refusal.rejected", false);
        } catch (PatchRejectedException e) {
            fact("refusal.rejected", true);
            fact("refusal.message", e.getMessage());
        }
        fact("refusal.counterAfter", counter.next());
        fact("refusal.greetAfter", greeter.greet());
    }

    private static void tamperedPayloadIsNotSwapped(LivePatcher patcher) {
        byte[] bytes = greeterBytes("tampered");
        AtomicSwap.writerLock().lock();
        try {
            // The payload claims digests of other bytes, as if the array had changed after it was checked.
            AtomicSwap.swap(AgentInstrumentation.current().orElseThrow(), List.of(new AtomicSwap.Payload(Greeter.class, bytes, PayloadDigest.sha256(new byte[] {1}),
                            PayloadDigest.crc32(bytes))));
            fact("tampered.rejected", false);
        } catch (SwapFailure e) {
            fact("tampered.rejected", true);
            fact("tampered.message", e.getMessage());
        } finally {
            AtomicSwap.writerLock().unlock();
        }
        fact("tampered.greetAfter", new Greeter().greet());
    }

    private static void unmodifiableClassIsRefused(LivePatcher patcher) {
        Supplier<String> lambda = () -> "x";
        try {
            patcher.apply(PatchBundle.of("b-lambda", new PatchOperation(lambda.getClass(), greeterBytes("patched"), "r")));
            fact("unmodifiable.rejected", false);
        } catch (PatchRejectedException e) {
            fact("unmodifiable.rejected", true);
            fact("unmodifiable.message", e.getMessage());
        }
    }

    private static void rollbackToOriginalAfterTwoBundles(LivePatcher patcher) {
        Greeter greeter = new Greeter();
        String original = fingerprint(patcher.versions().originalBytes(Greeter.class).orElseThrow());
        patcher.apply(PatchBundle.of("b-one", new PatchOperation(Greeter.class, greeterBytes("one"), "one")));
        patcher.apply(PatchBundle.of("b-two", new PatchOperation(Greeter.class, greeterBytes("two"), "two")));
        fact("toOriginal.beforeRollback", greeter.greet());
        RollbackEntry entry = patcher.rollbackToOriginal(Greeter.class);
        fact("toOriginal.greetAfter", greeter.greet());
        fact("toOriginal.bundleId", entry.bundleId());
        fact("toOriginal.bytesAreOriginal", fingerprint(patcher.currentBytes(Greeter.class)).equals(original));
        fact("toOriginal.history", numbers(patcher.versions().history(Greeter.class)));
        try {
            patcher.rollbackLast();
            fact("toOriginal.undoEmpty", false);
        } catch (PatchRejectedException e) {
            fact("toOriginal.undoEmpty", e.getMessage().startsWith("nothing to roll back"));
        }
    }

    private static void everyCopyAcrossLoadersInOneCall(LivePatcher patcher) throws Exception {
        URL classes = classesUrl();
        String name = "dev.ouroboros.patcher.fixture.Twin";
        try (URLClassLoader first = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
                URLClassLoader second = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> a = first.loadClass(name);
            Class<?> b = second.loadClass(name);
            byte[] twin = variant("twin-patched");
            List<Class<?>> copies = patcher.loadedCopies(name);
            fact("twins.copies", copies.size());
            PatchReceipt receipt = patcher.apply(new PatchBundle("b-twins", List.of(
                    new PatchOperation(a, twin, "copy a"), new PatchOperation(b, twin, "copy b")), "all copies"));
            fact("twins.after", call(a) + "," + call(b));
            fact("twins.separateHistories", patcher.versions().history(a).size() + "," + patcher.versions().history(b).size());
            fact("twins.versions", numbers(receipt.versions()));
            patcher.rollbackLast();
            fact("twins.afterRollback", call(a) + "," + call(b));
        }
    }

    private static URL classesUrl() throws Exception {
        return Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
    }

    static String call(Class<?> twin) throws Exception {
        Object instance = twin.getConstructor().newInstance();
        return (String) twin.getMethod("name").invoke(instance);
    }

    /** Rewrites {@code greet()} to return an int where a String is declared: valid schema, fails verification. */
    private static byte[] returnIntFromGreet(byte[] greeter) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(greeter).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, desc, sig, exceptions);
                if (!name.equals("greet")) {
                    return target;
                }
                target.visitCode();
                target.visitInsn(Opcodes.ICONST_1);
                target.visitInsn(Opcodes.ARETURN);
                target.visitMaxs(1, 1);
                target.visitEnd();
                return null;
            }
        }, 0);
        return writer.toByteArray();
    }

    static byte[] greeterBytes(String text) {
        return variant("greeter-" + text);
    }

    /** Reads a variant compiled by the test JVM, so that this JVM never loads javac. */
    static byte[] variant(String key) {
        try {
            return Files.readAllBytes(variants.resolve(key + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles every variant the scenarios use into the directory, named by key. */
    static void writeVariants(Path dir) throws IOException {
        String fixture = "dev.ouroboros.patcher.fixture.";
        for (String text : List.of("patched", "must-not-run", "one", "two", "tampered")) {
            write(dir, "greeter-" + text, InMemoryCompiler.compileClass(fixture + "Greeter", Variants.greeter(text)));
        }
        write(dir, "counter-100", InMemoryCompiler.compileClass(fixture + "Counter", Variants.counter(100)));
        write(dir, "counter-added", InMemoryCompiler.compileClass(fixture + "Counter", Variants.counterWithAddedMethod()));
        write(dir, "twin-patched", InMemoryCompiler.compileClass(fixture + "Twin", Variants.twin("patched")));
        for (int reading : List.of(1, 2, 3)) {
            write(dir, "meter-" + reading, InMemoryCompiler.compileClass(fixture + "Meter", Variants.meter(reading)));
        }
        for (int value : List.of(7, 8)) {
            Map<String, byte[]> unit = InMemoryCompiler.compile(fixture + "Gauge", Variants.gaugeWithHelper(value));
            write(dir, "gauge-" + value, unit.get(fixture + "Gauge"));
            write(dir, "gauge-helper-" + value, unit.get(fixture + "Gauge_Helper"));
        }
        write(dir, "pulse-2", InMemoryCompiler.compileClass(fixture + "Pulse", Variants.pulse(2)));
    }

    private static void write(Path dir, String key, byte[] bytes) throws IOException {
        Files.write(dir.resolve(key + ".class"), bytes);
    }

    static String sha(byte[] bytes) {
        return PayloadDigest.sha256(bytes);
    }

    static String fingerprint(byte[] bytes) {
        return ClassFingerprint.of(bytes);
    }

    private static List<Integer> numbers(List<CodeVersion> versions) {
        return versions.stream().map(CodeVersion::number).toList();
    }

    private interface Scenario {
        void run() throws Exception;
    }

    private static void run(String name, Scenario scenario) {
        try {
            scenario.run();
        } catch (Throwable t) {
            fact(name + ".error", t);
            t.printStackTrace();
        }
    }

    static void fact(String key, Object value) {
        System.out.println("fact " + key + "=" + String.valueOf(value).replace('\n', ' '));
        System.out.flush();
    }
}
