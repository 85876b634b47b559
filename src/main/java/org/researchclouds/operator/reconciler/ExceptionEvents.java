package org.researchclouds.operator.reconciler;

import java.util.List;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.Responsibility;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.write.AuditTrail;

/** Records an Event when a platform exception starts to hold for a control, and when it ends. */
final class ExceptionEvents {
  private ExceptionEvents() {}

  static void record(
      AuditTrail trail,
      ResearchProject project,
      List<Responsibility> before,
      List<Responsibility> after) {
    for (Responsibility now : after) {
      Optional<Responsibility> then = find(before, now.id());
      // While the spec was refused nothing was judged: whether a waiver held then is unknown.
      if (then.filter(r -> StatusAggregator.SPEC_REFUSED.equals(r.reason())).isPresent()) {
        continue;
      }
      boolean wasExcepted = then.map(r -> r.state() == ResponsibilityState.Excepted).orElse(false);
      boolean isExcepted = now.state() == ResponsibilityState.Excepted;
      if (wasExcepted && StatusAggregator.SPEC_REFUSED.equals(now.reason())) {
        trail.noted(
            project,
            "ExceptionEnded",
            now.id() + " is no longer excepted: nothing is judged while the spec is refused.");
      } else if (isExcepted && !wasExcepted) {
        trail.noted(project, "ExceptionStarted", now.id() + ": " + now.message());
      } else if (wasExcepted && !isExcepted) {
        trail.noted(
            project,
            "ExceptionEnded",
            now.id() + " is evaluated again, " + now.state() + ": " + now.message());
      }
    }
  }

  private static Optional<Responsibility> find(List<Responsibility> responsibilities, String id) {
    return responsibilities.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
