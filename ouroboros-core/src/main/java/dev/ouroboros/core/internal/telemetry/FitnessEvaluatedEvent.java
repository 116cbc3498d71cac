package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code FitnessEvaluated} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.FitnessEvaluated")
@Label("Fitness Evaluated")
@Category("Ouroboros")
@Description("Ouroboros marker FitnessEvaluated")
final class FitnessEvaluatedEvent extends Event {
    @Label("Cycle id")
    String cycleId;

    @Label("Candidate id")
    String candidateId;

    @Label("Operator")
    String operator;

    @Label("Stage reached")
    String stage;

    @Label("Speedup")
    double speedup;
}
