package org.researchclouds.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.researchclouds.operator.api.ExpiringGrant;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.SecurityBaselineStatus;
import org.researchclouds.operator.validation.BaselineValidator;
import org.researchclouds.operator.validation.Problem;

/**
 * The baseline's own status: whether it is valid, how the projects it governs fare per owner, and
 * which attestations and exceptions expire within 30 days. Equal inputs give an equal status, so an
 * unchanged world costs no write.
 */
final class BaselineReport {
  static final String VALID = "Valid";
  private static final Duration SOON = Duration.ofDays(30);

  private final Clock clock;

  BaselineReport(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param governed the projects judged against this baseline, as their status stands
   */
  SecurityBaselineStatus of(SecurityBaseline baseline, List<ResearchProject> governed) {
    Instant now = Instant.now(clock);
    List<Condition> old =
        baseline.getStatus() == null ? List.of() : baseline.getStatus().conditionsOrEmpty();
    long generation = Optional.ofNullable(baseline.getMetadata().getGeneration()).orElse(0L);
    Condition validity = validity(baseline, old, generation, now);
    return new SecurityBaselineStatus(
        generation,
        List.of(validity),
        governed.size(),
        met(governed, StatusAggregator.TENANT),
        met(governed, StatusAggregator.PLATFORM),
        met(governed, StatusAggregator.SHARED),
        // Expiry times are read only once the baseline is known to be valid.
        "True".equals(validity.getStatus()) ? expiring(baseline, now) : List.of());
  }

  private static Condition validity(
      SecurityBaseline baseline, List<Condition> old, long generation, Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    if (baseline.getSpec() == null) {
      return Conditions.next(
          old,
          VALID,
          "False",
          "UnreadableSpec",
          "The operator cannot read this baseline: "
              + baseline.unreadableSpec()
              + ". Every project is held until it is corrected.",
          generation,
          at);
    }
    List<Problem> problems = BaselineValidator.check(baseline);
    if (!problems.isEmpty()) {
      return Conditions.next(
          old,
          VALID,
          "False",
          "InvalidBaseline",
          String.join(" ", problems.stream().map(Problem::message).toList())
              + " Every project is held until it is corrected.",
          generation,
          at);
    }
    return Conditions.next(old, VALID, "True", "Valid", "Every field is valid.", generation, at);
  }

  /** Such as 12/15: the projects whose condition of this owner is True, of all governed. */
  private static String met(List<ResearchProject> governed, String conditionType) {
    long met =
        governed.stream()
            .filter(p -> p.getStatus() != null)
            .filter(
                p ->
                    Conditions.find(p.getStatus().getConditions(), conditionType)
                        .filter(c -> "True".equals(c.getStatus()))
                        .isPresent())
            .count();
    return met + "/" + governed.size();
  }

  /** An attestation or an exception, with the instant it expires. */
  private record Dated(Instant expiresAt, ExpiringGrant grant) {}

  private static List<ExpiringGrant> expiring(SecurityBaseline baseline, Instant now) {
    Instant horizon = now.plus(SOON);
    return Stream.concat(
            baseline.getSpec().attestationsOrEmpty().stream()
                .map(
                    a ->
                        new Dated(
                            a.expiresAt(),
                            new ExpiringGrant(
                                "Attestation",
                                a.duty().toString(),
                                a.attestedBy(),
                                a.expires(),
                                !now.isBefore(a.expiresAt())))),
            baseline.getSpec().exceptionsOrEmpty().stream()
                .map(
                    e ->
                        new Dated(
                            e.expiresAt(),
                            new ExpiringGrant(
                                "Exception",
                                e.project() + " " + e.control(),
                                e.grantedBy(),
                                e.expires(),
                                !now.isBefore(e.expiresAt())))))
        .filter(dated -> dated.expiresAt().isBefore(horizon))
        .sorted(Comparator.comparing(Dated::expiresAt))
        .map(Dated::grant)
        .toList();
  }
}
