package org.researchclouds.operator.write;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Objects;
import org.researchclouds.operator.velero.VeleroSchedule;

/**
 * A Velero Schedule: the operator owns its spec, labels and owner; Velero owns its status, which
 * shares the object (Velero's CRD has no status subresource) and so must survive every update.
 */
final class VeleroScheduleKind implements OwnedKind<VeleroSchedule> {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @Override
  public boolean upToDate(VeleroSchedule desired, VeleroSchedule actual) {
    return Objects.equals(spec(desired), spec(actual))
        && Metadata.carriesOwnedMetadata(desired, actual);
  }

  @Override
  public VeleroSchedule merged(VeleroSchedule desired, VeleroSchedule actual) {
    VeleroSchedule merged = SERIALIZATION.clone(actual);
    merged.setAdditionalProperty("spec", spec(desired));
    merged.setMetadata(Metadata.ownedMetadata(desired, actual));
    return merged;
  }

  private static Object spec(VeleroSchedule schedule) {
    return schedule.getAdditionalProperties().get("spec");
  }
}
