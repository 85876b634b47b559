package org.researchclouds.operator.velero;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;

/**
 * A Velero object: its class names its kind, its content stays generic. A new one carries its
 * kind's apiVersion and kind; one read from the server carries what the server sent.
 */
public abstract class VeleroResource extends GenericKubernetesResource implements Namespaced {
  public static final String GROUP = "velero.io";

  protected VeleroResource() {
    setApiVersion(HasMetadata.getApiVersion(getClass()));
    setKind(HasMetadata.getKind(getClass()));
  }

  /** The object's spec, as Velero's CRD describes it. */
  public void setSpec(Object spec) {
    setAdditionalProperty("spec", spec);
  }
}
