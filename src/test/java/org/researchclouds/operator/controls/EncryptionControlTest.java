package org.researchclouds.operator.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.EncryptionPolicy;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.ResponsibilityState;
import org.researchclouds.operator.api.SecurityBaseline;

class EncryptionControlTest {
  private final ResearchProject project = Fixtures.project("lab", "lab");
  private final SecurityBaseline baseline =
      Fixtures.with(
          Fixtures.baseline(),
          "encryption",
          new EncryptionPolicy(null, List.of(Fixtures.STORAGE_CLASS, "encrypted-ssd"), null));
  private final EncryptionControl control = new EncryptionControl();

  @Test
  void isNotRequiredForClassificationsTheBaselineLeavesOut() {
    ResearchProject internal =
        Fixtures.with(project, "dataClassification", DataClassification.INTERNAL);
    Observation plain =
        Fixtures.withExposed(
            Fixtures.applied(internal, baseline),
            List.of(),
            List.of(ingress("a.example.org", null)));

    assertThat(control.evaluate(plain))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Met, "NotRequired");
  }

  @Test
  void everyRoutedHostNeedsTls() {
    Observation covered = exposed(List.of(), List.of(ingress("lab.example.org", "*.example.org")));
    Observation uncovered =
        exposed(List.of(), List.of(ingress("lab.example.org", "other.example.org")));
    Observation anyHostWithoutTls = exposed(List.of(), List.of(ingress(null, null)));

    assertThat(control.evaluate(covered).state()).isEqualTo(ResponsibilityState.Met);
    Finding finding = control.evaluate(uncovered);
    assertThat(finding.reason()).isEqualTo("IngressWithoutTls");
    assertThat(finding.message())
        .isEqualTo(
            "Ingress lab/site serves lab.example.org without TLS; add it to spec.tls with a"
                + " certificate.");
    assertThat(control.evaluate(anyHostWithoutTls).message()).contains("serves any host");
  }

  @Test
  void aLoadBalancerPortCarriesTlsByNumberOrAppProtocol() {
    Observation tls =
        exposed(List.of(loadBalancer(443, null), loadBalancer(9000, "https")), List.of());
    Observation plain = exposed(List.of(loadBalancer(80, null)), List.of());
    Observation clusterIpIsNotJudged = exposed(List.of(clusterIp(80)), List.of());

    assertThat(control.evaluate(tls).state()).isEqualTo(ResponsibilityState.Met);
    assertThat(control.evaluate(plain))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.NotMet, "PlainLoadBalancerPort");
    assertThat(control.evaluate(plain).message()).contains("Service lab/lb-80 exposes port 80");
    assertThat(control.evaluate(clusterIpIsNotJudged).state()).isEqualTo(ResponsibilityState.Met);
  }

  @Test
  void volumesMustUseAnEncryptedClassTheDefaultIncluded() {
    Observation encrypted = withClaims(claim("data", "encrypted-ssd"), claim("scratch", null));
    Observation unencrypted = withClaims(claim("data", "fast-local"));
    Observation noClass = withClaims(claim("static", ""));

    assertThat(control.evaluate(encrypted).state()).isEqualTo(ResponsibilityState.Met);
    Finding finding = control.evaluate(unencrypted);
    assertThat(finding.reason()).isEqualTo("UnencryptedVolume");
    assertThat(finding.message())
        .isEqualTo(
            "PersistentVolumeClaim lab/data uses StorageClass fast-local, which the baseline does"
                + " not list as encrypted at rest; move the data to standard or encrypted-ssd.");
    assertThat(control.evaluate(noClass).message())
        .startsWith("PersistentVolumeClaim lab/static names no StorageClass");
  }

  @Test
  void withNoClassListedAsEncryptedTheOperatorCannotTell() {
    Observation observation =
        Fixtures.withWorkloads(
            Fixtures.applied(project, Fixtures.baseline()),
            workloads(List.of(claim("data", "encrypted-ssd"))));

    assertThat(control.evaluate(observation))
        .extracting(Finding::state, Finding::reason)
        .containsExactly(ResponsibilityState.Unknown, "NoEncryptedStorageClass");
  }

  private Observation exposed(List<Service> services, List<Ingress> ingresses) {
    return Fixtures.withExposed(Fixtures.applied(project, baseline), services, ingresses);
  }

  private Observation withClaims(PersistentVolumeClaim... claims) {
    return Fixtures.withWorkloads(Fixtures.applied(project, baseline), workloads(List.of(claims)));
  }

  private Workloads workloads(List<PersistentVolumeClaim> claims) {
    Workloads applied = Fixtures.appliedWorkloads(project, baseline);
    return new Workloads(
        claims, applied.images(), applied.scanner(), applied.quotas(), applied.limitRanges());
  }

  private static Ingress ingress(String host, String tlsHost) {
    IngressBuilder ingress =
        new IngressBuilder()
            .withNewMetadata()
            .withName("site")
            .withNamespace("lab")
            .endMetadata()
            .withNewSpec()
            .addNewRule()
            .withHost(host)
            .endRule()
            .endSpec();
    if (tlsHost != null) {
      ingress.editSpec().addNewTl().withHosts(tlsHost).endTl().endSpec();
    }
    return ingress.build();
  }

  private static Service loadBalancer(int port, String appProtocol) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("lb-" + port)
        .withNamespace("lab")
        .endMetadata()
        .withNewSpec()
        .withType("LoadBalancer")
        .addNewPort()
        .withPort(port)
        .withAppProtocol(appProtocol)
        .endPort()
        .endSpec()
        .build();
  }

  private static Service clusterIp(int port) {
    return new ServiceBuilder(loadBalancer(port, null))
        .editSpec()
        .withType("ClusterIP")
        .endSpec()
        .build();
  }

  private static PersistentVolumeClaim claim(String name, String storageClass) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("lab")
        .endMetadata()
        .withNewSpec()
        .withStorageClassName(storageClass)
        .endSpec()
        .build();
  }
}
