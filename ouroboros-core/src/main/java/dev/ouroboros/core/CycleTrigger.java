package dev.ouroboros.core;

/** When {@link OuroborosEngine#start()} runs its background cycles. */
public enum CycleTrigger {
    /**
     * Only while the machine is idle: the dream scheduler watches CPU, memory and disk I/O through OSHI,
     * starts a session after every threshold held for the idle time, and aborts the running cycle as
     * soon as activity returns.
     */
    DREAM,
    /** At once, after the start delay, whatever the machine is doing (demos, tests, batch jobs). */
    IMMEDIATE
}
