package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.Contacts;
import org.researchclouds.operator.api.PatchingPolicy;
import org.researchclouds.operator.api.PlatformDuty;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.WorkloadReference;
import org.researchclouds.operator.api.WorkloadReference.WorkloadKind;

class PlatformControlsTest {
  private static final Instant EXPIRY = Instant.parse("2027-11-01T00:00:00Z");
  private static final WorkloadReference SHIPPER =
      new WorkloadReference(WorkloadKind.DaemonSet, "logging", "audit-log-shipper");

  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void theApiServerMustRunASupportedMinorRelease() {
    PlatformPatchingControl control = new PlatformPatchingControl();

    assertThat(control.evaluate(running("1.31")).state()).isEqualTo(ResponsibilityState.Met);
    Finding tooOld = control.evaluate(running("1.30"));
    assertThat(tooOld.reason()).isEqualTo("UnsupportedVersion");
    assertThat(tooOld.message())
        .isEqualTo(
            "The API server runs Kubernetes 1.30, outside the supported releases 1.31 to 1.33;"
                + " the platform team upgrades the cluster.");
    assertThat(control.evaluate(running("1.34")).state()).isEqualTo(ResponsibilityState.Met);
    assertThat(control.evaluate(running(null)))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "ServerVersionUnknown");
    assertThat(
            control.evaluate(
                Fixtures.withPlatform(
                    Fixtures.applied(project, Fixtures.with(baseline, "patching", null)),
                    Fixtures.platform())))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "SupportWindowNotSet");
  }

  @Test
  void aWiderWindowSupportsOlderReleases() {
    SecurityBaseline wide =
        Fixtures.with(baseline, "patching", new PatchingPolicy(null, null, "1.33", 4));

    assertThat(
            new PlatformPatchingControl()
                .evaluate(
                    Fixtures.withPlatform(
                        Fixtures.applied(project, wide), facts(Optional.of("1.30"), Map.of())))
                .state())
        .isEqualTo(ResponsibilityState.Met);
  }

  @Test
  void anAttestationHoldsUntilTheSecondItExpires() {
    AttestedDutyControl control = new AttestedDutyControl(PlatformDuty.PhysicalSecurity);

    Finding before = control.evaluate(at(EXPIRY.minusSeconds(1)));
    Finding at = control.evaluate(at(EXPIRY));

    assertThat(before.state()).isEqualTo(ResponsibilityState.Attested);
    assertThat(before.message())
        .isEqualTo(
            "Attested by cloud@example.org at 2026-11-01T00:00:00Z until 2027-11-01T00:00:00Z"
                + " (evidence: https://example.org/evidence/PhysicalSecurity).");
    assertThat(at.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(at.reason()).isEqualTo("AttestationExpired");
    assertThat(at.message())
        .isEqualTo(
            "The attestation of the environmental and physical security of the infrastructure"
                + " by cloud@example.org expired at 2027-11-01T00:00:00Z; cloud@example.org"
                + " renews it with fresh evidence.");
  }

  @Test
  void aDutyNobodyAttestsIsNotMet() {
    SecurityBaseline none = Fixtures.with(baseline, "attestations", List.of());

    for (PlatformDuty duty : PlatformDuty.values()) {
      Finding finding = new AttestedDutyControl(duty).evaluate(Fixtures.applied(project, none));
      assertThat(finding.reason()).as(duty.controlId()).isEqualTo("NotAttested");
      assertThat(finding.state()).isEqualTo(ResponsibilityState.NotMet);
    }
  }

  @Test
  void aWorkloadTheAttestationNamesMustRun() {
    SecurityBaseline verified =
        Fixtures.with(
            baseline,
            "attestations",
            List.of(
                new Attestation(
                    PlatformDuty.AuditLogging,
                    "ciso@example.org",
                    "2026-11-01T00:00:00Z",
                    "https://example.org/audit-policy",
                    "2027-11-01T00:00:00Z",
                    SHIPPER)));
    AttestedDutyControl control = new AttestedDutyControl(PlatformDuty.AuditLogging);

    Finding running =
        control.evaluate(
            observedWith(
                verified, Finding.met("WorkloadReady", SHIPPER + " is ready on 3 nodes.")));
    Finding down =
        control.evaluate(
            observedWith(
                verified,
                Finding.notMet("WorkloadNotReady", SHIPPER + " is ready on 1 of 3 nodes.")));
    Finding unreadable =
        control.evaluate(
            observedWith(verified, Finding.unknown("WorkloadUnreadable", "forbidden")));

    assertThat(running)
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Attested, "AttestedAndRunning");
    assertThat(down.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(down.message())
        .endsWith(
            "But DaemonSet logging/audit-log-shipper is ready on 1 of 3 nodes. The platform team"
                + " repairs it.");
    assertThat(unreadable.state()).isEqualTo(ResponsibilityState.Unknown);
  }

  @Test
  void incidentsNeedAContactOnBothSides() {
    IncidentResponseControl control = new IncidentResponseControl();
    ResearchProject noContact =
        Fixtures.with(project, "contacts", new Contacts("pi@example.org", null));
    SecurityBaseline noPlatformContact = Fixtures.with(baseline, "platformContact", null);

    assertThat(control.evaluate(Fixtures.applied(project, baseline)).message())
        .isEqualTo(
            "Security incidents go to security@example.org for the project and cloud@example.org"
                + " for the platform.");
    assertThat(control.evaluate(Fixtures.applied(noContact, baseline)).reason())
        .isEqualTo("NoProjectSecurityContact");
    assertThat(control.evaluate(Fixtures.applied(project, noPlatformContact)).reason())
        .isEqualTo("NoPlatformContact");
  }

  @Test
  void computeIsManagedOnceTheQuotaIsInPlaceAndCounted() {
    ComputeManagementControl control = new ComputeManagementControl();
    Observation applied = Fixtures.applied(project, baseline);
    ResourceQuota counted = applied.workloads().quotas().get(0);
    ResourceQuota used =
        new ResourceQuotaBuilder(counted)
            .editStatus()
            .addToUsed("requests.cpu", new Quantity("2"))
            .endStatus()
            .build();
    ResourceQuota uncounted = new ResourceQuotaBuilder(counted).withStatus(null).build();
    ResourceQuota loosened =
        new ResourceQuotaBuilder(counted)
            .editSpec()
            .addToHard("requests.cpu", new Quantity("1000"))
            .endSpec()
            .build();

    Finding met = control.evaluate(withQuotas(applied, List.of(used)));
    assertThat(met.state()).isEqualTo(ResponsibilityState.Met);
    assertThat(met.message()).contains("lab: limits.memory 0/64Gi,").contains("requests.cpu 2/16");
    assertThat(control.evaluate(withQuotas(applied, List.of(uncounted))))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "QuotaNotCounted");
    assertThat(control.evaluate(withQuotas(applied, List.of(loosened))).reason())
        .isEqualTo("QuotaNotInPlace");
    assertThat(control.evaluate(withQuotas(applied, List.of())).reason())
        .isEqualTo("QuotaNotInPlace");
    ResourceQuota byHand =
        new ResourceQuotaBuilder(counted).editMetadata().withLabels(Map.of()).endMetadata().build();
    assertThat(control.evaluate(withQuotas(applied, List.of(byHand))).message())
        .isEqualTo(
            "ResourceQuota lab/rp-compute was not written by the operator, which leaves it"
                + " alone; the platform team renames or removes it.");
  }

  private Observation withQuotas(Observation applied, List<ResourceQuota> quotas) {
    Workloads w = applied.workloads();
    return Fixtures.withWorkloads(
        applied, new Workloads(w.volumeClaims(), w.images(), w.scanner(), quotas, w.limitRanges()));
  }

  private Observation observedWith(SecurityBaseline baseline, Finding shipper) {
    return Fixtures.withPlatform(
        Fixtures.applied(project, baseline),
        facts(Optional.of(Fixtures.SERVER_MINOR), Map.of(SHIPPER, shipper)));
  }

  private Observation running(String minor) {
    return Fixtures.withPlatform(
        Fixtures.applied(project, baseline), facts(Optional.ofNullable(minor), Map.of()));
  }

  private Observation at(Instant now) {
    return Fixtures.at(Fixtures.applied(project, baseline), now);
  }

  private static PlatformFacts facts(
      Optional<String> minor, Map<WorkloadReference, Finding> workloads) {
    return new PlatformFacts(
        minor,
        "the API server's /version could not be read (HTTP 403)",
        workloads,
        Set.of(),
        Optional.empty());
  }
}
