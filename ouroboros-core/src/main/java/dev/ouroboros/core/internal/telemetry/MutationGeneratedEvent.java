package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code MutationGenerated} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.MutationGenerated")
@Label("Mutation Generated")
@Category("Ouroboros")
@Description("Ouroboros marker MutationGenerated")
final class MutationGeneratedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Operator")
    String operator;

    @Label("Region")
    String regionId;
}
