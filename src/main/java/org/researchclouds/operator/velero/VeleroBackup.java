package org.researchclouds.operator.velero;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Velero's Backup. */
@Group(VeleroResource.GROUP)
@Version("v1")
@Kind("Backup")
@Plural("backups")
public class VeleroBackup extends VeleroResource {}
