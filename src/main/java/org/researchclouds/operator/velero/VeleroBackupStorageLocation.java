package org.researchclouds.operator.velero;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Names Velero's BackupStorageLocation kind for the client; its content stays generic. */
@Group(VeleroSchedule.GROUP)
@Version("v1")
@Kind("BackupStorageLocation")
@Plural("backupstoragelocations")
public class VeleroBackupStorageLocation extends GenericKubernetesResource implements Namespaced {}
