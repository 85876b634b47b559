package org.researchclouds.operator.controls;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchclouds.operator.api.WorkloadReference;

/**
 * What the operator sees of the platform itself.
 *
 * @param serverMinor the API server's minor release, such as 1.32; empty when it cannot tell
 * @param serverVersionUnknown why the release is unknown
 * @param verifiedWorkloads the workloads the attestations name, each Met when ready, NotMet when
 *     absent or not ready, Unknown when the operator may not read it
 * @param storageClasses the cluster's StorageClasses, by name
 * @param defaultStorageClass the class a claim without one gets
 */
public record PlatformFacts(
    Optional<String> serverMinor,
    String serverVersionUnknown,
    Map<WorkloadReference, Finding> verifiedWorkloads,
    Set<String> storageClasses,
    Optional<String> defaultStorageClass) {}
