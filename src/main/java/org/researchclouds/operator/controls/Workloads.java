package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.util.List;

/**
 * What runs in the project's namespaces, as the patching, encryption and compute controls read it.
 *
 * @param volumeClaims the PersistentVolumeClaims
 * @param images the images of every Pod and of the templates of Deployments, StatefulSets, Jobs and
 *     CronJobs
 * @param scanner the vulnerability scanner's reports
 * @param quotas the ResourceQuotas, the operator's and others'
 * @param limitRanges the LimitRanges, the operator's and others'
 */
public record Workloads(
    List<PersistentVolumeClaim> volumeClaims,
    List<ContainerImages> images,
    ScannerState scanner,
    List<ResourceQuota> quotas,
    List<LimitRange> limitRanges) {}
