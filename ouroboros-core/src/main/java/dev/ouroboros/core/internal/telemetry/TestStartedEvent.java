package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code TestStarted} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.TestStarted")
@Label("Test Started")
@Category("Ouroboros")
@Description("Ouroboros marker TestStarted")
final class TestStartedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Test classes")
    String tests;
}
