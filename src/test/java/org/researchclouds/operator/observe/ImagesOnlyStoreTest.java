package org.researchclouds.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagesOnlyStoreTest {
  @Test
  void keepsOnlyTheNameAndImageOfEachContainer() {
    ImagesOnlyStore<Deployment> store =
        new ImagesOnlyStore<>(
            ClusterView.reduced(
                Deployment.class,
                "spec.template.spec.containers",
                "spec.template.spec.initContainers"),
            d -> d.getSpec().getTemplate().getSpec());
    Deployment bulky =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("api")
            .withNamespace("lab")
            .addToAnnotations("note", "x".repeat(100_000))
            .endMetadata()
            .withNewSpec()
            .withReplicas(0)
            .withNewTemplate()
            .withNewSpec()
            .addToInitContainers(container("init", "registry.example.org/lab/init:1"))
            .addToContainers(container("app", "registry.example.org/lab/api:1.4.2"))
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    store.put(store.getKey(bulky), bulky);
    Deployment kept = store.get(store.getKey(bulky));

    assertThat(kept.getMetadata().getName()).isEqualTo("api");
    assertThat(kept.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(kept.getSpec().getReplicas()).isNull();
    assertThat(kept.getSpec().getTemplate().getSpec().getContainers())
        .containsExactly(
            new ContainerBuilder()
                .withName("app")
                .withImage("registry.example.org/lab/api:1.4.2")
                .build());
    assertThat(kept.getSpec().getTemplate().getSpec().getInitContainers())
        .extracting(Container::getImage)
        .containsExactly("registry.example.org/lab/init:1");
  }

  @Test
  void aPodKeepsTheDigestEachContainerRuns() {
    ImagesOnlyStore<Pod> store = WorkloadImages.podStore();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("api-7f9c")
            .withNamespace("lab")
            .endMetadata()
            .withNewSpec()
            .addToContainers(container("app", "registry.example.org/lab/api:1.4.2"))
            .endSpec()
            .withNewStatus()
            .addNewContainerStatus()
            .withName("app")
            .withImage("registry.example.org/lab/api:1.4.2")
            .withImageID("registry.example.org/lab/api@sha256:abc")
            .withRestartCount(3)
            .endContainerStatus()
            .endStatus()
            .build();

    store.put(store.getKey(pod), pod);

    assertThat(WorkloadImages.runningDigests(store.get(store.getKey(pod))))
        .isEqualTo(Map.of("registry.example.org/lab/api:1.4.2", "sha256:abc"));
    assertThat(
            store
                .get(store.getKey(pod))
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getRestartCount())
        .isNull();
  }

  private static Container container(String name, String image) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(image)
        .addNewEnv()
        .withName("BIG")
        .withValue("y".repeat(100_000))
        .endEnv()
        .addToArgs("--verbose")
        .build();
  }
}
