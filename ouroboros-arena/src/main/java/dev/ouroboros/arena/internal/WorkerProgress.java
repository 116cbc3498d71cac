package dev.ouroboros.arena.internal;

/**
 * Where a sandbox worker is, so that its deadline guard can say what was running when time ran
 * out ("mutant tests, in JoinerTest.joins()").
 */
final class WorkerProgress {

    private volatile String phase = "starting";
    private volatile String test;

    void phase(String phase) {
        this.phase = phase;
    }

    void test(String test) {
        this.test = test;
    }

    String describe() {
        String t = test;
        return t == null ? phase : phase + ", in " + t;
    }
}
