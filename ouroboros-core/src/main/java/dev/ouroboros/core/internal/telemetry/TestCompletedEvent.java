package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code TestCompleted} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.TestCompleted")
@Label("Test Completed")
@Category("Ouroboros")
@Description("Ouroboros marker TestCompleted")
final class TestCompletedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Outcome")
    String outcome;

    @Label("Detail")
    String detail;
}
