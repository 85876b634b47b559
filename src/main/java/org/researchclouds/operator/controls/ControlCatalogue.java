package org.researchclouds.operator.controls;

import java.util.List;
import org.researchclouds.operator.api.PlatformDuty;

/**
 * The controls the operator evaluates: every line of the shared responsibility model has at least
 * one. Order is the order of the status.
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
            new PatchingControl(),
            new EncryptionControl(),
            new ComplianceControl(),
            new GoodNetCitizenControl(),
            new IncidentResponseControl(),
            new BackupServiceControl(),
            new ComputeManagementControl(),
            new PlatformPatchingControl(),
            new AttestedDutyControl(PlatformDuty.Protection),
            new AttestedDutyControl(PlatformDuty.NetworkEnforcement),
            new AttestedDutyControl(PlatformDuty.AuditLogging),
            new AttestedDutyControl(PlatformDuty.PhysicalSecurity)));
  }

  /** The ids of the controls, in the order of the status. */
  public List<String> ids() {
    return controls.stream().map(Control::id).toList();
  }

  public List<Evaluation> evaluate(Observation observation) {
    return controls.stream()
        .map(
            c ->
                new Evaluation(
                    c.id(),
                    c.owner(),
                    ControlExceptions.over(
                        c.evaluate(observation),
                        c.id(),
                        observation.projectName(),
                        observation.baseline(),
                        observation.now())))
        .toList();
  }

  /** One control's verdict, with the control's identity. */
  public record Evaluation(
      String id, org.researchclouds.operator.api.Owner owner, Finding finding) {}
}
