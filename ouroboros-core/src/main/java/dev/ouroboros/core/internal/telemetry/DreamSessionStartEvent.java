package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code DreamSessionStart} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.DreamSessionStart")
@Label("Dream Session Start")
@Category("Ouroboros")
@Description("Ouroboros marker DreamSessionStart")
final class DreamSessionStartEvent extends Event {
    @Label("Session id")
    long sessionId;

    @Label("Trigger")
    String trigger;
}
