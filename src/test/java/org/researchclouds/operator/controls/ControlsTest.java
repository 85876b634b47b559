package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.ExtraPolicies;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.Compliance;
import org.researchclouds.operator.api.Contacts;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.TermsOfUse;

/**
 * Each control over observed state: met when the guard rails hold, not met with a reason when not.
 */
class ControlsTest {
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final ResearchProject project = Fixtures.project("lab", "lab");

  @Test
  void everyControlIsSatisfiedOnceTheGuardRailsAreApplied() {
    Observation observation = Fixtures.applied(project, baseline);

    assertThat(ControlCatalogue.standard().evaluate(observation))
        .allSatisfy(e -> assertThat(e.finding().state().satisfied()).as(e.id()).isTrue());
  }

  @Test
  void dataProtectionFailsOnAWeakerOrMissingPodSecurityLabel() {
    Observation weaker =
        withNamespace(
            new NamespaceBuilder(Fixtures.applied(project, baseline).namespaces().get("lab"))
                .editMetadata()
                .addToLabels("pod-security.kubernetes.io/enforce", "baseline")
                .endMetadata()
                .build());
    Observation missing =
        withNamespace(
            new NamespaceBuilder(Fixtures.applied(project, baseline).namespaces().get("lab"))
                .editMetadata()
                .removeFromLabels("pod-security.kubernetes.io/enforce")
                .endMetadata()
                .build());

    Finding onWeaker = new DataProtectionControl().evaluate(weaker);
    assertThat(onWeaker.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(onWeaker.reason()).isEqualTo("PodSecurityNotEnforced");
    assertThat(onWeaker.message()).contains("'baseline'").contains("'restricted'");
    assertThat(new DataProtectionControl().evaluate(missing).message()).contains("'none'");
  }

  @Test
  void limitedExposureNamesAlteredGuardRailsUndeclaredServicesAndHosts() {
    Observation applied = Fixtures.applied(project, baseline);
    List<NetworkPolicy> policies = applied.policies().get("lab");
    policies.removeIf(p -> p.getMetadata().getName().equals("rp-default-deny"));
    Observation observation =
        Fixtures.withExposed(
            applied,
            List.of(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("db")
                    .withNamespace("lab")
                    .endMetadata()
                    .withNewSpec()
                    .withType("NodePort")
                    .endSpec()
                    .build(),
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace("lab")
                    .endMetadata()
                    .withNewSpec()
                    .withType("ClusterIP")
                    .endSpec()
                    .build()),
            List.of(
                new IngressBuilder()
                    .withNewMetadata()
                    .withName("site")
                    .withNamespace("lab")
                    .endMetadata()
                    .withNewSpec()
                    .addNewRule()
                    .withHost("lab.example.org")
                    .endRule()
                    .addNewRule()
                    .withHost("admin.example.org")
                    .endRule()
                    .endSpec()
                    .build()));

    Finding finding = new LimitedExposureControl().evaluate(observation);

    assertThat(finding.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(finding.reason()).isEqualTo("GuardRailMissing");
    assertThat(finding.message())
        .contains("lab/rp-default-deny")
        .contains("Service lab/db is of type NodePort")
        .contains("admin.example.org")
        .doesNotContain("lab.example.org,")
        .doesNotContain("Service lab/web");
  }

  @Test
  void limitedExposureNamesUnmanagedPoliciesThatAdmitOutsiders() {
    Observation applied = Fixtures.applied(project, baseline);
    applied
        .policies()
        .get("lab")
        .add(
            ExtraPolicies.ingressFrom(
                "lab", "from-partner", ExtraPolicies.namespaces(Map.of("team", "partner"))));

    Finding finding = new LimitedExposureControl().evaluate(applied);

    assertThat(finding.reason()).isEqualTo("UnmanagedPolicyWidensExposure");
    assertThat(finding.message()).contains("lab/from-partner").contains("team=partner");
  }

  @Test
  void goodNetCitizenFailsWhenAPolicyOpensOutboundMail() {
    Observation applied = Fixtures.applied(project, baseline);
    applied.policies().get("lab").add(ExtraPolicies.egressAnywhere("lab", "smtp", 1, 500));

    Finding finding = new GoodNetCitizenControl().evaluate(applied);

    assertThat(finding.state()).isEqualTo(ResponsibilityState.NotMet);
    assertThat(finding.reason())
        .as("ports 1-500 to 0.0.0.0/0 reach the metadata service on port 80 too")
        .isEqualTo("DeniedDestinationReachable");
    assertThat(finding.message())
        .contains("169.254.169.254 on 80/TCP")
        .contains("lab/smtp")
        .contains("25/TCP")
        .contains("465/TCP")
        .doesNotContain("587/TCP");
  }

  @Test
  void goodNetCitizenFailsWithoutTheDefaultDeny() {
    Observation applied = Fixtures.applied(project, baseline);
    applied
        .policies()
        .get("lab")
        .removeIf(p -> p.getMetadata().getName().equals("rp-default-deny"));

    assertThat(new GoodNetCitizenControl().evaluate(applied).reason()).isEqualTo("EgressNotDenied");
  }

  @Test
  void complianceFollowsTheCurrentTermsOfUse() {
    SecurityBaseline newTerms = withTerms(new TermsOfUse("2027-1", null));
    SecurityBaseline noTerms = withTerms(null);

    assertThat(new ComplianceControl().evaluate(Fixtures.applied(project, newTerms)))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.NotMet, "TermsOfUseOutdated");
    assertThat(new ComplianceControl().evaluate(Fixtures.applied(project, noTerms)))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "TermsOfUseNotPublished");
    assertThat(
            new ComplianceControl()
                .evaluate(Fixtures.applied(withSpec(null, null), baseline))
                .reason())
        .isEqualTo("TermsOfUseNotAccepted");
  }

  @Test
  void workloadOwnershipWantsASecurityContact() {
    ResearchProject noContact =
        withSpec(new Contacts("pi@example.org", null), project.getSpec().compliance());

    assertThat(new WorkloadOwnershipControl().evaluate(Fixtures.applied(noContact, baseline)))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.NotMet, "NoSecurityContact");
  }

  @Test
  void aMissingNamespaceFailsEveryNamespaceControl() {
    Observation nothing =
        new Observation(
            project,
            baseline,
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            VeleroState.absent(),
            Map.of(),
            Map.of(),
            new Workloads(List.of(), List.of(), ScannerState.absent(), List.of(), List.of()),
            new PlatformFacts(
                Optional.empty(), "not read yet", Map.of(), Set.of(), Optional.empty()),
            Fixtures.NOW);

    for (Control control :
        List.of(
            new DataProtectionControl(),
            new LimitedExposureControl(),
            new LeastPrivilegeControl(),
            new GoodNetCitizenControl())) {
      assertThat(control.evaluate(nothing).reason()).as(control.id()).isEqualTo("NamespaceMissing");
    }
  }

  private Observation withNamespace(Namespace namespace) {
    Observation applied = Fixtures.applied(project, baseline);
    return new Observation(
        project,
        baseline,
        Map.of("lab", namespace),
        applied.policies(),
        List.of(),
        List.of(),
        applied.roleBindings(),
        applied.roles(),
        applied.clusterRoles(),
        applied.velero(),
        applied.peers(),
        applied.foreignHosts(),
        applied.workloads(),
        applied.platform(),
        applied.now());
  }

  private SecurityBaseline withTerms(TermsOfUse terms) {
    return Fixtures.with(baseline, "termsOfUse", terms);
  }

  private ResearchProject withSpec(Contacts contacts, Compliance compliance) {
    ResearchProject changed = Fixtures.with(project, "compliance", compliance);
    return contacts == null ? changed : Fixtures.with(changed, "contacts", contacts);
  }
}
