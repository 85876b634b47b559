package org.researchclouds.operator.api;

/** The Service types an exposure may declare. */
public enum ServiceType {
  ClusterIP,
  NodePort,
  LoadBalancer
}
