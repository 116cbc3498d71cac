package dev.ouroboros.patcher;

import static dev.ouroboros.patcher.LiveScenarios.fact;

import dev.ouroboros.patcher.fixture.Gauge;

/**
 * Run inside the forked JVM: a winner whose code needs a class the program never had gets it defined
 * beside the patched class first; the same helper again is the same class, another one of that name is
 * refused, and a helper in another package is refused.
 */
final class HelperScenario {

    private HelperScenario() {
    }

    static void run(LivePatcher patcher) {
        fact("helper.before", Gauge.level());
        String name = Gauge.class.getPackageName() + ".Gauge_Helper";
        fact("helper.loadedBefore", loaded(name));
        Class<?> helper = patcher.defineHelper(Gauge.class, LiveScenarios.variant("gauge-helper-7"));
        fact("helper.sameLoader", helper.getClassLoader() == Gauge.class.getClassLoader());
        fact("helper.name", helper.getName());
        patcher.apply(PatchBundle.of("b-gauge", new PatchOperation(Gauge.class, LiveScenarios.variant("gauge-7"),
                "winner with a helper")));
        fact("helper.afterApply", Gauge.level());
        fact("helper.again", patcher.defineHelper(Gauge.class, LiveScenarios.variant("gauge-helper-7")) == helper);
        try {
            patcher.defineHelper(Gauge.class, LiveScenarios.variant("gauge-helper-8"));
            fact("helper.otherRefused", false);
        } catch (PatchRejectedException e) {
            fact("helper.otherRefused", true);
            fact("helper.otherMessage", e.getMessage());
        }
        try {
            patcher.defineHelper(String.class, LiveScenarios.variant("gauge-helper-7"));
            fact("helper.elsewhereRefused", false);
        } catch (PatchRejectedException e) {
            fact("helper.elsewhereRefused", true);
            fact("helper.elsewhereMessage", e.getMessage());
        }
        patcher.rollbackLast();
        fact("helper.afterRollback", Gauge.level());
    }

    /** Asks the application loader, without initialising anything. */
    private static boolean loaded(String name) {
        try {
            Class.forName(name, false, Gauge.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
