package org.researchclouds.operator.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ResearchProject;

/** Every object the desired-state functions build is valid against Kubernetes' own schema. */
class UpstreamSchemaTest {
  private static final String NETWORKING = "apis__networking.k8s.io__v1_openapi.json";
  private static final String NETWORK_POLICY = "io.k8s.api.networking.v1.NetworkPolicy";

  @Test
  void namespacesAndNetworkPoliciesValidate() {
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"),
                new NetworkSpec(
                    List.of(Fixtures.webExposure()),
                    List.of(
                        new Egress(
                            "all",
                            List.of("0.0.0.0/0"),
                            null,
                            List.of(new PortSpec(1, 65535, null))))),
                DeletionPolicy.Retain));

    assertThat(
            UpstreamSchemas.kubernetesErrors(
                NamespaceDesired.desired(project, "lab", Fixtures.baseline()),
                "api__v1_openapi.json",
                "io.k8s.api.core.v1.Namespace"))
        .isEmpty();
    assertThat(
            NetworkPolicyDesired.desired(
                project, "lab", Fixtures.floors(project, Fixtures.baseline())))
        .hasSize(5)
        .allSatisfy(
            policy ->
                assertThat(UpstreamSchemas.kubernetesErrors(policy, NETWORKING, NETWORK_POLICY))
                    .as(policy.getMetadata().getName())
                    .isEmpty());
  }

  @Test
  void theValidatorRejectsABrokenPolicy() {
    var broken =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("broken")
            .endMetadata()
            .withNewSpec()
            .addNewIngress()
            .addNewFrom()
            .withNewIpBlock()
            .endIpBlock()
            .endFrom()
            .endIngress()
            .endSpec()
            .build();

    assertThat(UpstreamSchemas.kubernetesErrors(broken, NETWORKING, NETWORK_POLICY))
        .anySatisfy(error -> assertThat(error).contains("cidr"));
  }
}
