package org.researchclouds.operator.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fabric8.kubernetes.client.CustomResource;

/**
 * One of our resources, read by a {@link LenientReader}: it keeps why its spec could not be read,
 * if it could not, so that the resource stays visible with the reason instead of failing.
 */
public abstract class LenientResource<S, T> extends CustomResource<S, T> {
  @JsonIgnore private String unreadableSpec;

  /** What could not be read, with the field's path; null when the spec was read. */
  public String unreadableSpec() {
    return unreadableSpec;
  }

  @JsonIgnore
  public void setUnreadableSpec(String problem) {
    this.unreadableSpec = problem;
  }
}
