package dev.ouroboros.core.internal.telemetry;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** The {@code RollbackExecuted} marker as a JFR event, visible in JDK Mission Control under "Ouroboros". */
@Name("dev.ouroboros.RollbackExecuted")
@Label("Rollback Executed")
@Category("Ouroboros")
@Description("Ouroboros marker RollbackExecuted")
final class RollbackExecutedEvent extends Event {
    @Label("Bundle")
    String bundleId;

    @Label("Classes")
    String classes;

    @Label("Reason")
    String reason;
}
