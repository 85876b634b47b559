package org.researchclouds.operator.network;

import java.util.Map;

/** One end of a connection: a pod, or an address outside the cluster's pods. */
public sealed interface Endpoint {

  /** A pod, known by its namespace and the labels of both. */
  record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels)
      implements Endpoint {
    @Override
    public String toString() {
      return (labels.isEmpty() ? "pods" : "pods " + labels) + " in " + namespace;
    }
  }

  /** An address, such as a host on the Internet or the cloud's metadata service. */
  record Address(Cidr address) implements Endpoint {
    @Override
    public String toString() {
      return address.toString();
    }
  }
}
