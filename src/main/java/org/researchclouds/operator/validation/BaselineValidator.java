package org.researchclouds.operator.validation;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.ControlException;
import org.researchclouds.operator.api.DeniedCidr;
import org.researchclouds.operator.api.EgressException;
import org.researchclouds.operator.api.PatchingPolicy;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.controls.ControlCatalogue;
import org.researchclouds.operator.network.Cidr;
import org.researchclouds.operator.timing.GoDuration;

/**
 * Every constraint of the SecurityBaseline's schema, checked again, and the values no pattern can
 * judge (a range, a time, a duration): an invalid baseline stops every project, so each problem
 * names the field to correct.
 */
public final class BaselineValidator {
  private static final SchemaCheck SCHEMA = SchemaCheck.of(SecurityBaseline.class);
  private static final List<String> CONTROLS = ControlCatalogue.standard().ids();

  private BaselineValidator() {}

  public static List<Problem> check(SecurityBaseline baseline) {
    List<Problem> problems = new ArrayList<>();
    List<Problem> structural = SCHEMA.check(baseline.getSpec());
    if (!structural.isEmpty()) {
      structural.forEach(problem -> problems.add(problem(baseline, problem.message())));
      return problems;
    }
    List<DeniedCidr> denied = baseline.getSpec().deniedCidrsOrDefault();
    for (int i = 0; i < denied.size(); i++) {
      String cidr = denied.get(i).cidr();
      checkSetting("spec.deniedCidrs[" + i + "]", () -> Cidr.parse(cidr), baseline, problems);
    }
    List<EgressException> grants = baseline.getSpec().egressExceptionsOrEmpty();
    for (int i = 0; i < grants.size(); i++) {
      checkSetting(
          "spec.egressExceptions[" + i + "].expires", grants.get(i)::expiresAt, baseline, problems);
    }
    List<ControlException> exceptions = baseline.getSpec().exceptionsOrEmpty();
    for (int i = 0; i < exceptions.size(); i++) {
      checkSetting(
          "spec.exceptions[" + i + "].expires", exceptions.get(i)::expiresAt, baseline, problems);
      // A misspelt control would except nothing, and nobody would notice.
      if (!CONTROLS.contains(exceptions.get(i).control())) {
        problems.add(
            problem(
                baseline,
                "spec.exceptions["
                    + i
                    + "].control: "
                    + exceptions.get(i).control()
                    + " is no control; the controls are "
                    + String.join(", ", CONTROLS)
                    + "."));
      }
    }
    List<Attestation> attestations = baseline.getSpec().attestationsOrEmpty();
    for (int i = 0; i < attestations.size(); i++) {
      Attestation attestation = attestations.get(i);
      checkSetting(
          "spec.attestations[" + i + "].attestedAt",
          () -> OffsetDateTime.parse(attestation.attestedAt()),
          baseline,
          problems);
      checkSetting(
          "spec.attestations[" + i + "].expires", attestation::expiresAt, baseline, problems);
    }
    BackupPolicy policy = baseline.getSpec().backupOrDefault();
    PatchingPolicy patching = baseline.getSpec().patchingOrDefault();
    // In a fixed order, so that the message, and the status, reads the same after a restart.
    new TreeMap<>(
            Map.of(
                "backup.minimumRetention", policy.minimumRetentionOrDefault(),
                "backup.defaultRetention", policy.defaultRetentionOrDefault(),
                "backup.restoreTestInterval", policy.restoreTestIntervalOrDefault(),
                "backup.finalBackupTimeout", policy.finalBackupTimeoutOrDefault(),
                "backup.minimumBackupInterval", policy.minimumBackupIntervalOrDefault(),
                "backup.minimumDrillInterval", policy.minimumDrillIntervalOrDefault(),
                "backup.drillTimeout", policy.drillTimeoutOrDefault(),
                "patching.criticalGracePeriod", patching.criticalGracePeriodOrDefault(),
                "patching.scanInterval", patching.scanIntervalOrDefault()))
        .forEach(
            (field, value) ->
                checkSetting("spec." + field, () -> GoDuration.parse(value), baseline, problems));
    return problems;
  }

  private static void checkSetting(
      String field, Runnable parse, SecurityBaseline baseline, List<Problem> problems) {
    try {
      parse.run();
    } catch (IllegalArgumentException | DateTimeException e) {
      problems.add(problem(baseline, field + ": " + e.getMessage() + "."));
    }
  }

  private static Problem problem(SecurityBaseline baseline, String what) {
    return new Problem(
        "InvalidBaseline",
        "SecurityBaseline "
            + baseline.getMetadata().getName()
            + " "
            + what.substring(0, what.length() - 1)
            + "; the platform team corrects it.");
  }
}
