package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code CycleComplete} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.CycleComplete")
@Label("Cycle Complete")
@Category("Ouroboros")
@Description("Ouroboros marker CycleComplete")
final class CycleCompleteEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Outcome")
    String outcome;

    @Label("Message")
    String message;

    @Label("Candidates")
    int candidates;
}
