package org.researchclouds.operator.controls;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.NetworkFloors;

/**
 * When the baseline next changes what a project reads with no event to say so: a granted port, an
 * exception or an attestation lapsing.
 */
public final class Expiries {
  private Expiries() {}

  public static Optional<Instant> next(
      SecurityBaseline baseline, ResearchProject project, Instant now) {
    String name = project.getMetadata().getName();
    return Stream.of(
            NetworkFloors.nextExpiry(baseline, project, now).stream(),
            baseline.getSpec().exceptionsOrEmpty().stream()
                .filter(exception -> exception.project().equals(name))
                .map(ControlException::expiresAt),
            baseline.getSpec().attestationsOrEmpty().stream().map(Attestation::expiresAt))
        .flatMap(s -> s)
        .filter(now::isBefore)
        .min(Instant::compareTo);
  }
}
