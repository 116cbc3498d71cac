package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code PatchApplied} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.PatchApplied")
@Label("Patch Applied")
@Category("Ouroboros")
@Description("Ouroboros marker PatchApplied")
final class PatchAppliedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Classes")
    String classes;

    @Label("Swap pause (ns)")
    long pauseNanos;
}
