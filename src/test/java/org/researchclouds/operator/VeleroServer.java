package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.resources.Names;

/**
 * Velero as the integration tests play it on the mock API server: its CRDs and storage location
 * installed, its objects found, and finished as Velero's controllers would finish them.
 */
public final class VeleroServer {
  private VeleroServer() {}

  /** Installs Velero's CRDs and an available default storage location. */
  public static void install(KubernetesClient client) {
    for (String crd :
        List.of(
            "velero.io_schedules.yaml",
            "velero.io_backups.yaml",
            "velero.io_restores.yaml",
            "velero.io_backupstoragelocations.yaml")) {
      UpstreamSchemas.installCrd(client, crd);
    }
    velero(client, "BackupStorageLocation")
        .inNamespace(VeleroFixtures.NAMESPACE)
        .resource(VeleroFixtures.storageLocation("default", "Available"))
        .create();
  }

  public static MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      velero(KubernetesClient client, String kind) {
    return client.genericKubernetesResources("velero.io/v1", kind);
  }

  /** The project's final backup, found by its labels: the project may be gone by now. */
  public static GenericKubernetesResource finalBackup(KubernetesClient client, String project) {
    return velero(client, "Backup")
        .inNamespace(VeleroFixtures.NAMESPACE)
        .withLabel(Names.FINAL_BACKUP_LABEL, "true")
        .withLabel(Names.PROJECT_LABEL, project)
        .list()
        .getItems()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** Ends a Backup or Restore in {@code phase}, as Velero records it. */
  public static void finish(
      KubernetesClient client, String kind, GenericKubernetesResource object, String phase) {
    velero(client, kind)
        .inNamespace(VeleroFixtures.NAMESPACE)
        .withName(object.getMetadata().getName())
        .edit(
            o -> {
              o.setAdditionalProperty(
                  "status",
                  Map.of(
                      "phase", phase,
                      "startTimestamp", Instant.now().minusSeconds(60).toString(),
                      "completionTimestamp", Instant.now().toString()));
              return o;
            });
  }
}
