package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.ComputeGrant;
import org.researchclouds.operator.api.ComputePolicy;
import org.researchclouds.operator.api.ComputeQuota;
import org.researchclouds.operator.api.DataClassification;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.validation.Problem;
import org.researchclouds.operator.validation.ProjectValidator;

class ComputeDesiredTest {
  private static final String CORE = "api__v1_openapi.json";
  private final SecurityBaseline baseline = Fixtures.baseline();
  private final ResearchProject project = Fixtures.project("lab", "lab");

  @Test
  void aProjectThatAsksForNothingGetsItsClassificationsQuotaAndContainerDefaults() {
    var quota = ComputeDesired.resourceQuota(project, "lab", baseline);
    var limits = ComputeDesired.limitRange(project, "lab", baseline);

    assertThat(quota.getSpec().getHard())
        .containsEntry("requests.cpu", new Quantity("16"))
        .containsEntry("requests.memory", new Quantity("64Gi"))
        .containsEntry("limits.memory", new Quantity("64Gi"))
        .containsEntry("requests.nvidia.com/gpu", new Quantity("0"))
        .containsEntry("requests.storage", new Quantity("1Ti"))
        .containsEntry("persistentvolumeclaims", new Quantity("20"))
        // The fixture project is sensitive: no LoadBalancer, as its exposure limits.
        .containsEntry("services.loadbalancers", new Quantity("0"))
        .containsEntry("services.nodeports", new Quantity("0"));
    assertThat(limits.getSpec().getLimits().get(0).getDefaultRequest())
        .containsEntry("cpu", new Quantity("100m"))
        .containsEntry("memory", new Quantity("128Mi"));
    assertThat(quota.getMetadata().getOwnerReferences()).hasSize(1);
    assertThat(Names.managedBy(quota, project)).isTrue();
    assertThat(Names.managedBy(limits, project)).isTrue();
  }

  @Test
  void bothValidateAgainstKubernetesSchemas() {
    assertThat(
            UpstreamSchemas.kubernetesErrors(
                ComputeDesired.resourceQuota(project, "lab", baseline),
                CORE,
                "io.k8s.api.core.v1.ResourceQuota"))
        .isEmpty();
    assertThat(
            UpstreamSchemas.kubernetesErrors(
                ComputeDesired.limitRange(project, "lab", baseline),
                CORE,
                "io.k8s.api.core.v1.LimitRange"))
        .isEmpty();
  }

  @Test
  void aRequestWithinTheCeilingRaisesTheQuotaFieldByField() {
    SecurityBaseline generous =
        Fixtures.with(
            baseline,
            "compute",
            List.of(
                new ComputePolicy(
                    DataClassification.SENSITIVE,
                    null,
                    new ComputeQuota("64", null, "4", null, null, null, null),
                    null)));
    ResearchProject asking =
        Fixtures.with(
            project, "resources", new ComputeQuota("32", null, "2", null, null, null, null));

    assertThat(validate(asking, generous)).isEmpty();
    assertThat(ComputeDesired.quota(asking, generous).hard())
        .containsEntry("requests.cpu", new Quantity("32"))
        .containsEntry("requests.nvidia.com/gpu", new Quantity("2"))
        .containsEntry("requests.memory", new Quantity("64Gi"));
  }

  @Test
  void aRequestOverTheCeilingIsRefusedWholeNamingEachField() {
    ResearchProject greedy =
        Fixtures.with(
            project, "resources", new ComputeQuota("32", "64Gi", "1", null, null, 1, null));

    List<Problem> problems = validate(greedy, baseline);

    assertThat(problems).extracting(Problem::reason).containsExactly("ComputeOverCeiling");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "spec.resources asks for cpu 32 (ceiling 16), gpus 1 (ceiling 0), loadBalancers 1"
                + " (ceiling 0); ask for less, or ask the platform team for a computeGrants entry"
                + " in the SecurityBaseline.");
  }

  @Test
  void aGrantRaisesOneProjectsCeilingAndNoOtherProjects() {
    SecurityBaseline granted =
        Fixtures.with(
            baseline,
            "computeGrants",
            List.of(
                new ComputeGrant(
                    "lab",
                    new ComputeQuota("32", null, null, null, null, null, null),
                    "allocation RAC-2027-17")));
    ComputeQuota asked = new ComputeQuota("32", null, null, null, null, null, null);

    assertThat(validate(Fixtures.with(project, "resources", asked), granted)).isEmpty();
    assertThat(
            validate(
                Fixtures.with(Fixtures.project("other", "other"), "resources", asked), granted))
        .extracting(Problem::reason)
        .containsExactly("ComputeOverCeiling");
  }

  @Test
  void amountsCompareByValueWhateverTheirUnit() {
    ResearchProject sameAmount =
        Fixtures.with(
            project,
            "resources",
            new ComputeQuota("16000m", "65536Mi", null, null, null, null, null));

    assertThat(validate(sameAmount, baseline)).isEmpty();
  }

  private static List<Problem> validate(ResearchProject project, SecurityBaseline baseline) {
    return ProjectValidator.validate(
        project,
        baseline,
        n -> java.util.Optional.empty(),
        java.util.Set.of(),
        Fixtures.NO_HOST_CLAIMS);
  }
}
