package org.researchclouds.operator.api;

/** A resource whose spec could not be read: it stays visible, with why, instead of failing. */
public interface Unreadable {
  /** What could not be read, with the field's path; null when the spec was read. */
  String unreadableSpec();

  void setUnreadableSpec(String problem);
}
