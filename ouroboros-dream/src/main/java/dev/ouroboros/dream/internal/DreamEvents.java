package dev.ouroboros.dream.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * The JFR events ("markers") the dream module emits, visible in JDK Mission Control.
 */
public final class DreamEvents {

    private DreamEvents() {
    }

    /** Emits a {@code DreamSessionStart} event. */
    public static void sessionStarted(long id, long wallAllowanceNanos, long cpuAllowanceNanos) {
        Start e = new Start();
        if (e.isEnabled()) {
            e.sessionId = id;
            e.wallAllowance = wallAllowanceNanos;
            e.cpuAllowance = cpuAllowanceNanos;
            e.commit();
        }
    }

    /** Emits a {@code DreamSessionEnd} event. */
    public static void sessionEnded(long id, String reason, long wallNanos, long cpuNanos) {
        End e = new End();
        if (e.isEnabled()) {
            e.sessionId = id;
            e.reason = reason;
            e.wallTime = wallNanos;
            e.cpuTime = cpuNanos;
            e.commit();
        }
    }

    @Name("dev.ouroboros.DreamSessionStart")
    @Label("Dream Session Start")
    @Category({"Ouroboros", "Dream"})
    @Description("The machine was idle and the budget allowed a dream session")
    static final class Start extends Event {
        @Label("Session Id")
        long sessionId;
        @Label("Wall Allowance")
        @Timespan
        long wallAllowance;
        @Label("CPU Allowance")
        @Timespan
        long cpuAllowance;
    }

    @Name("dev.ouroboros.DreamSessionEnd")
    @Label("Dream Session End")
    @Category({"Ouroboros", "Dream"})
    @Description("A dream session's callback returned")
    static final class End extends Event {
        @Label("Session Id")
        long sessionId;
        @Label("Reason")
        String reason;
        @Label("Wall Time")
        @Timespan
        long wallTime;
        @Label("CPU Time")
        @Timespan
        long cpuTime;
    }
}
