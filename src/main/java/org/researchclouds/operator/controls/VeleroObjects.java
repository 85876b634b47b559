package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the status Velero writes on its Backups and Restores. */
public final class VeleroObjects {
  /** Phases after which Velero no longer changes a Backup or Restore. */
  private static final Set<String> FINISHED =
      Set.of("Completed", "PartiallyFailed", "Failed", "FailedValidation");

  private VeleroObjects() {}

  public static String phase(GenericKubernetesResource object) {
    Object phase = object.get("status", "phase");
    return phase == null ? "New" : phase.toString();
  }

  public static boolean finished(GenericKubernetesResource object) {
    return FINISHED.contains(phase(object));
  }

  /** Completed with no errors: PartiallyFailed is not a success. */
  public static boolean succeeded(GenericKubernetesResource object) {
    return "Completed".equals(phase(object)) && errors(object) == 0;
  }

  public static long errors(GenericKubernetesResource object) {
    return number(object.get("status", "errors")).orElse(0L);
  }

  public static Optional<Instant> started(GenericKubernetesResource object) {
    return time(object.get("status", "startTimestamp"));
  }

  public static Optional<Instant> completed(GenericKubernetesResource object) {
    return time(object.get("status", "completionTimestamp"));
  }

  public static Optional<Long> itemsRestored(GenericKubernetesResource restore) {
    return number(restore.get("status", "progress", "itemsRestored"));
  }

  /** The finished object that finished last. */
  public static <R extends GenericKubernetesResource> Optional<R> newestFinished(List<R> objects) {
    return objects.stream()
        .filter(VeleroObjects::finished)
        .max(Comparator.comparing(o -> completed(o).orElse(Instant.EPOCH)));
  }

  private static Optional<Instant> time(Object value) {
    return value == null ? Optional.empty() : Optional.of(Instant.parse(value.toString()));
  }

  private static Optional<Long> number(Object value) {
    return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
