package org.researchclouds.operator.controls;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.resources.RoleBindingDesired;

/**
 * Tenant: follow the principle of least privilege when granting access. Access to the project's
 * namespaces comes only from the operator's bindings of spec.members to the project roles, or from
 * bindings the baseline accepts; nothing else grants anyone anything there.
 */
public final class LeastPrivilegeControl implements Control {
  @Override
  public String id() {
    return "tenant/least-privilege";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    List<Finding> gaps = new ArrayList<>(observation.missingNamespaces());
    for (String namespace : observation.presentNamespaces()) {
      List<RoleBinding> bindings = observation.roleBindingsIn(namespace);
      for (RoleBinding desired : RoleBindingDesired.desired(observation.project(), namespace)) {
        if (bindings.stream().noneMatch(b -> sameGrant(desired, b))) {
          gaps.add(
              Finding.notMet(
                  "BindingMissing",
                  "RoleBinding "
                      + namespace
                      + "/"
                      + desired.getMetadata().getName()
                      + " is missing or altered; the operator restores it."));
        }
      }
      for (RoleBinding binding : bindings) {
        if (!RbacAudit.accepted(binding, observation)) {
          gaps.add(unmanaged(binding, observation));
        }
      }
    }
    int members = observation.project().getSpec().membersOrEmpty().size();
    return Finding.fromGaps(
        gaps,
        Finding.met(
            "OnlyMembersHaveAccess",
            "Only the project's " + members + " member(s) hold roles in its namespaces."));
  }

  private static Finding unmanaged(RoleBinding binding, Observation observation) {
    String where = binding.getMetadata().getNamespace() + "/" + binding.getMetadata().getName();
    if (RbacAudit.escalates(binding, observation)) {
      return Finding.notMet(
          "UnmanagedBindingEscalates",
          "RoleBinding "
              + where
              + " grants "
              + RbacAudit.dangerousGrant(binding, observation).orElseThrow()
              + " to "
              + RbacAudit.nonMembers(binding, observation).stream()
                  .map(RbacAudit::describe)
                  .collect(Collectors.joining(", "))
              + ", not a member of the project; grant access through spec.members and delete"
              + " this binding.");
    }
    return Finding.notMet(
        "UnmanagedBinding",
        "RoleBinding "
            + where
            + " is not managed by the operator; grant access through spec.members, or ask the"
            + " platform team to accept it in the SecurityBaseline's allowedBindings.");
  }

  private static boolean sameGrant(RoleBinding desired, RoleBinding actual) {
    return desired.getMetadata().getName().equals(actual.getMetadata().getName())
        && desired.getRoleRef().equals(actual.getRoleRef())
        && desired.getSubjects().equals(actual.getSubjects());
  }
}
