package org.researchclouds.operator.controls;

import org.researchclouds.operator.api.Owner;

/** One responsibility of the model, evaluated from observed state; it never writes. */
public interface Control {
  /** A stable id, such as {@code tenant/limited-exposure}. */
  String id();

  Owner owner();

  Finding evaluate(Observation observation);
}
