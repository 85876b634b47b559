package org.researchclouds.operator.velero;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Velero's Restore. */
@Group(VeleroResource.GROUP)
@Version("v1")
@Kind("Restore")
@Plural("restores")
public class VeleroRestore extends VeleroResource {}
