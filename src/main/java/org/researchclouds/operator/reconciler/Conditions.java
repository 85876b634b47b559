package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Builds kstatus-style conditions: each stamped with the generation it describes, its
 * lastTransitionTime kept unless the status flips.
 */
final class Conditions {
  private Conditions() {}

  static Condition next(
      List<Condition> previous,
      String type,
      String status,
      String reason,
      String message,
      long generation,
      String now) {
    String since =
        find(previous, type)
            .filter(old -> status.equals(old.getStatus()) && old.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElse(now);
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
