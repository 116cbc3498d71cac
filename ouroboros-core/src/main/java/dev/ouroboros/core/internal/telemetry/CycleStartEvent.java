package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code CycleStart} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.CycleStart")
@Label("Cycle Start")
@Category("Ouroboros")
@Description("Ouroboros marker CycleStart")
final class CycleStartEvent extends Event {
    @Label("Cycle id")
    String cycleId;
}
