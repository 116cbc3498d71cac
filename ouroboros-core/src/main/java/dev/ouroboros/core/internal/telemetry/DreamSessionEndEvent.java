package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code DreamSessionEnd} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.DreamSessionEnd")
@Label("Dream Session End")
@Category("Ouroboros")
@Description("Ouroboros marker DreamSessionEnd")
final class DreamSessionEndEvent extends Event {
    @Label("Session id")
    long sessionId;

    @Label("End reason")
    String reason;
}
