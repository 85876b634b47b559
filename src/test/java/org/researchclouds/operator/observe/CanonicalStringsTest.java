package org.researchclouds.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CanonicalStringsTest {
  private static final String POLICY =
      """
      {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
       "metadata": {"name": "rp-default-deny", "namespace": "genomics-lab", "uid": "%s",
         "labels": {"researchclouds.org/project": "genomics"},
         "ownerReferences": [{"apiVersion": "researchclouds.org/v1alpha1",
           "kind": "ResearchProject", "name": "genomics", "uid": "4f1c-project"}]},
       "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
      """;

  private static KubernetesClient client;

  @BeforeAll
  static void operatorClient() {
    client =
        CanonicalStrings.clientBuilder(
                new ConfigBuilder().withMasterUrl("https://127.0.0.1:6443").build())
            .build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void twoObjectsReadShareEachRepeatedString() {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    NetworkPolicy first = serialization.unmarshal(POLICY.formatted("uid-1"), NetworkPolicy.class);
    NetworkPolicy second = serialization.unmarshal(POLICY.formatted("uid-2"), NetworkPolicy.class);

    assertThat(second.getApiVersion()).isSameAs(first.getApiVersion());
    assertThat(second.getMetadata().getNamespace()).isSameAs(first.getMetadata().getNamespace());
    assertThat(second.getMetadata().getLabels().get("researchclouds.org/project"))
        .isSameAs(first.getMetadata().getLabels().get("researchclouds.org/project"));
    assertThat(second.getMetadata().getOwnerReferences().get(0).getUid())
        .isSameAs(first.getMetadata().getOwnerReferences().get(0).getUid());
    assertThat(second.getSpec().getPolicyTypes().get(1))
        .isSameAs(first.getSpec().getPolicyTypes().get(1));
    assertThat(second.getMetadata().getUid()).isEqualTo("uid-2");
  }

  @Test
  void stringsLongerThanANameAreLeftUnshared() {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    String longest = "n".repeat(CanonicalStrings.LONGEST_INTERNED);
    String longer = longest + "n";
    String json =
        """
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"name": "notes", "annotations": {"longest": "%s", "longer": "%s"}}}
        """
            .formatted(longest, longer);
    ConfigMap first = serialization.unmarshal(json, ConfigMap.class);
    ConfigMap second = serialization.unmarshal(json, ConfigMap.class);

    Map<String, String> firstNotes = first.getMetadata().getAnnotations();
    Map<String, String> secondNotes = second.getMetadata().getAnnotations();
    assertThat(secondNotes.get("longest")).isSameAs(firstNotes.get("longest"));
    assertThat(secondNotes.get("longer"))
        .isEqualTo(firstNotes.get("longer"))
        .isNotSameAs(firstNotes.get("longer"));
  }

  @Test
  void objectsWithoutAModelClassShareTheirStringsToo() {
    KubernetesSerialization serialization = client.getKubernetesSerialization();
    GenericKubernetesResource first =
        serialization.unmarshal(POLICY.formatted("uid-1"), GenericKubernetesResource.class);
    GenericKubernetesResource second =
        serialization.unmarshal(POLICY.formatted("uid-2"), GenericKubernetesResource.class);

    Map<String, Object> firstSpec = first.get("spec");
    Map<String, Object> secondSpec = second.get("spec");
    assertThat(((List<?>) secondSpec.get("policyTypes")).get(0))
        .isSameAs(((List<?>) firstSpec.get("policyTypes")).get(0));
  }
}
