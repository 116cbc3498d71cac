package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code RegressionDetected} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.RegressionDetected")
@Label("Regression Detected")
@Category("Ouroboros")
@Description("Ouroboros marker RegressionDetected")
final class RegressionDetectedEvent extends Event {
    @Label("Bundle")
    String bundleId;

    @Label("Detail")
    String detail;
}
