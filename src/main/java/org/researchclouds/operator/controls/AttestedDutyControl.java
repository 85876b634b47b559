package org.researchclouds.operator.controls;

import java.util.Optional;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.PlatformDuty;
import org.researchclouds.operator.api.ResponsibilityState;

/**
 * Platform: a duty the operator cannot observe from inside the cluster (protection, network
 * enforcement, audit logs, physical security) holds while a named person attests it, with evidence,
 * until the attestation expires; where the attestation names a workload, such as the audit log
 * shipper, the operator also checks that it runs.
 */
public final class AttestedDutyControl implements Control {
  private final PlatformDuty duty;

  public AttestedDutyControl(PlatformDuty duty) {
    this.duty = duty;
  }

  @Override
  public String id() {
    return duty.controlId();
  }

  @Override
  public Owner owner() {
    return Owner.Platform;
  }

  @Override
  public Finding evaluate(Observation observation) {
    Optional<Attestation> attestation =
        observation.baseline().getSpec().attestationsOrEmpty().stream()
            .filter(a -> a.duty() == duty)
            .findFirst();
    if (attestation.isEmpty()) {
      return Finding.notMet(
          "NotAttested",
          "Nobody attests "
              + duty.meaning()
              + "; the platform team adds an attestation for "
              + duty
              + " to the SecurityBaseline, with a link to the evidence.");
    }
    Attestation given = attestation.get();
    if (!observation.now().isBefore(given.expiresAt())) {
      return Finding.notMet(
          "AttestationExpired",
          "The attestation of "
              + duty.meaning()
              + " by "
              + given.attestedBy()
              + " expired at "
              + given.expires()
              + "; "
              + given.attestedBy()
              + " renews it with fresh evidence.");
    }
    String attested =
        "Attested by "
            + given.attestedBy()
            + " at "
            + given.attestedAt()
            + " until "
            + given.expires()
            + " (evidence: "
            + given.evidence()
            + ").";
    if (given.verifiedBy() == null) {
      return Finding.attested("Attested", attested);
    }
    Finding seen =
        observation
            .platform()
            .verifiedWorkloads()
            .getOrDefault(
                given.verifiedBy(),
                Finding.unknown("WorkloadNotRead", given.verifiedBy() + " was not read yet."));
    if (seen.state() == ResponsibilityState.Met) {
      return Finding.attested("AttestedAndRunning", attested + " " + seen.message());
    }
    return new Finding(
        seen.state(),
        seen.reason(),
        attested + " But " + seen.message() + " The platform team repairs it.");
  }
}
