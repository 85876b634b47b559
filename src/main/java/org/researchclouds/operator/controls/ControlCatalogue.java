package org.researchclouds.operator.controls;

import java.util.List;

/**
 * The controls the operator evaluates, one per line of the shared responsibility model that it can
 * judge honestly so far. Order is the order of the status.
 */
public final class ControlCatalogue {
  private final List<Control> controls;

  public ControlCatalogue(List<Control> controls) {
    this.controls = List.copyOf(controls);
  }

  public static ControlCatalogue standard() {
    return new ControlCatalogue(
        List.of(
            new DataProtectionControl(),
            new WorkloadOwnershipControl(),
            new LimitedExposureControl(),
            new LeastPrivilegeControl(),
            new BackupRecoveryControl(),
            new ComplianceControl(),
            new GoodNetCitizenControl(),
            new BackupServiceControl()));
  }

  public List<Evaluation> evaluate(Observation observation) {
    return controls.stream()
        .map(c -> new Evaluation(c.id(), c.owner(), c.evaluate(observation)))
        .toList();
  }

  /** One control's verdict, with the control's identity. */
  public record Evaluation(
      String id, org.researchclouds.operator.api.Owner owner, Finding finding) {}
}
