package dev.ouroboros.patcher;

import static dev.ouroboros.patcher.LiveScenarios.fact;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Run inside the forked JVM: a class patched in its own class loader is unloaded, and rolling its
 * bundle back then fails with a clear message while the registry still reports its history.
 */
final class UnloadedClass {

    private static final String TWIN = "dev.ouroboros.patcher.fixture.Twin";

    private UnloadedClass() {
    }

    static void run(LivePatcher patcher, URL classes) throws Exception {
        WeakReference<ClassLoader> loader = patchInThrowAwayLoader(patcher, classes);
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        fact("unloaded.loaderCollected", loader.get() == null);
        try {
            patcher.rollbackLast();
            fact("unloaded.rejected", false);
        } catch (PatchRejectedException e) {
            fact("unloaded.rejected", true);
            fact("unloaded.message", e.getMessage());
        }
        fact("unloaded.historyKept", patcher.versions().history(TWIN).size());
        try {
            patcher.rollbackLast();
            fact("unloaded.undoHistoryFreed", false);
        } catch (PatchRejectedException e) {
            // b-twins was rolled back before, so no live bundle may remain once b-doomed left the history.
            fact("unloaded.undoHistoryFreed", e.getMessage().startsWith("nothing to roll back"));
        }
    }

    private static WeakReference<ClassLoader> patchInThrowAwayLoader(LivePatcher patcher, URL classes)
            throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> twin = loader.loadClass(TWIN);
            patcher.apply(new PatchBundle("b-doomed", List.of(new PatchOperation(twin,
                    LiveScenarios.variant("twin-patched"), "doomed copy")), "unload"));
            fact("unloaded.patched", LiveScenarios.call(twin));
            return new WeakReference<>(loader);
        }
    }
}
