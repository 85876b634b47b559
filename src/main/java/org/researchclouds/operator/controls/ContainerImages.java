package org.researchclouds.operator.controls;

import java.util.List;
import java.util.Map;

/**
 * The images of one workload's containers, init containers included.
 *
 * @param kind Pod, Deployment, StatefulSet, Job or CronJob
 * @param runningDigests for a Pod, the digest the runtime pulled for each image, where it says
 */
public record ContainerImages(
    String kind,
    String namespace,
    String name,
    List<String> images,
    Map<String, String> runningDigests) {
  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
