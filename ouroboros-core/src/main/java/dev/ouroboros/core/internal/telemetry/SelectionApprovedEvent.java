package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code SelectionApproved} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.SelectionApproved")
@Label("Selection Approved")
@Category("Ouroboros")
@Description("Ouroboros marker SelectionApproved")
final class SelectionApprovedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Approved by")
    String approvedBy;
}
