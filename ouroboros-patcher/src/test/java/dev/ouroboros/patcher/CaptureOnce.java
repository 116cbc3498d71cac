package dev.ouroboros.patcher;

import static dev.ouroboros.patcher.LiveScenarios.fact;

import dev.ouroboros.patcher.fixture.Meter;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run inside the forked JVM: the running bytes of a class are read back through a retransformation before
 * its first patch and whenever another patcher swapped it since, and not before the patcher's own later
 * swaps, each of which would otherwise stop the program a second time.
 *
 * <p>Retransformations are counted as the calls a retransform-capable transformer sees minus those an
 * incapable one sees: both hear every {@code redefineClasses}, only the capable one hears a
 * {@code retransformClasses}.
 */
final class CaptureOnce {

    private CaptureOnce() {
    }

    static void run(LivePatcher patcher, Instrumentation inst) {
        fact("capture.readingBefore", Meter.reading()); // loaded before the counting transformers listen
        Counting capable = new Counting();
        Counting incapable = new Counting();
        inst.addTransformer(capable, true);
        inst.addTransformer(incapable, false);
        try {
            apply(patcher, "meter-1");
            fact("capture.firstPatch", capable.calls.get() - incapable.calls.get());
            apply(patcher, "meter-2");
            patcher.rollbackLast();
            apply(patcher, "meter-2");
            fact("capture.ownLaterSwaps", capable.calls.get() - incapable.calls.get());
            fact("capture.readingAfterOwnSwaps", Meter.reading());
            try (LivePatcher other = new LivePatcher(inst)) {
                apply(other, "meter-3");
            }
            fact("capture.readingAfterOtherPatcher", Meter.reading());
            int before = capable.calls.get() - incapable.calls.get();
            apply(patcher, "meter-1");
            fact("capture.afterOtherPatcher", capable.calls.get() - incapable.calls.get() - before);
            fact("capture.reading", Meter.reading());
            fact("capture.runsLatest", patcher.runs(Meter.class, patcher.versions().current(Meter.class)
                    .orElseThrow().number()));
            patcher.rollbackToOriginal(Meter.class); // leaves no live bundle for the scenarios after this one
            fact("capture.readingAfterRollback", Meter.reading());
        } finally {
            inst.removeTransformer(capable);
            inst.removeTransformer(incapable);
        }
    }

    private static void apply(LivePatcher patcher, String variant) {
        patcher.apply(PatchBundle.of("b-" + variant, new PatchOperation(Meter.class, LiveScenarios.variant(variant),
                "capture test")));
    }

    private static final class Counting implements ClassFileTransformer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                byte[] bytes) {
            if ("dev/ouroboros/patcher/fixture/Meter".equals(name)) {
                calls.incrementAndGet();
            }
            return null;
        }
    }
}
