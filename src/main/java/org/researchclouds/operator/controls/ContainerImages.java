package org.researchclouds.operator.controls;

import java.util.List;

/**
 * The images of one workload's containers, init containers included.
 *
 * @param kind Pod, Deployment, StatefulSet, Job or CronJob
 */
public record ContainerImages(String kind, String namespace, String name, List<String> images) {
  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
