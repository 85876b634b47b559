package org.researchclouds.operator.controls;

import org.researchclouds.operator.controls.Reachability.Opening;

/** Says in words which policies open what, with one connection as the example. */
final class Openings {
  private Openings() {}

  static String describe(Opening opening) {
    int more = opening.count() - 1;
    return (opening.policies().size() == 1 ? "NetworkPolicy " : "NetworkPolicies ")
        + String.join(", ", opening.policies())
        + " let "
        + opening.example().from()
        + " reach "
        + opening.example().to()
        + " on "
        + opening.example().port()
        + "/"
        + opening.example().protocol()
        + (more > 0 ? " (and " + more + " more such connection" + (more > 1 ? "s)" : ")") : "");
  }
}
