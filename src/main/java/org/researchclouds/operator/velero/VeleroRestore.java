package org.researchclouds.operator.velero;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Names Velero's Restore kind for the client; its content stays generic. */
@Group(VeleroSchedule.GROUP)
@Version("v1")
@Kind("Restore")
@Plural("restores")
public class VeleroRestore extends GenericKubernetesResource implements Namespaced {}
