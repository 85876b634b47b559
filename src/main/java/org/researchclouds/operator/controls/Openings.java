package org.researchclouds.operator.controls;

import org.researchclouds.operator.controls.Reachability.Opening;

/** Says in words which policies open what, with one connection as the example. */
final class Openings {
  private Openings() {}

  /** What a control says when the policies name more than one reconcile judges. */
  static Finding tooManyToJudge() {
    return Finding.unknown(
        "TooManyRulesToJudge",
        "The NetworkPolicies in the project's namespaces name more ranges, selectors and ports"
            + " than the operator judges in one reconcile, so what they let through is not known;"
            + " merge or remove policies that are not the operator's.");
  }

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
