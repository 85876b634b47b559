package org.researchclouds.operator.controls;

import org.researchclouds.operator.api.Contacts;
import org.researchclouds.operator.api.Owner;

/**
 * Tenant: install, configure and manage your own workloads. The platform does not manage them, so
 * someone in the team must answer for them when they misbehave: a security contact.
 */
public final class WorkloadOwnershipControl implements Control {
  @Override
  public String id() {
    return "tenant/workload-ownership";
  }

  @Override
  public Owner owner() {
    return Owner.Tenant;
  }

  @Override
  public Finding evaluate(Observation observation) {
    Contacts contacts = observation.project().getSpec().contacts();
    if (contacts == null
        || contacts.securityContact() == null
        || contacts.securityContact().isBlank()) {
      return Finding.notMet(
          "NoSecurityContact",
          "Nobody answers for the project's workloads: set spec.contacts.securityContact to the"
              + " e-mail address of the person who handles its security incidents.");
    }
    return Finding.met(
        "SecurityContactDeclared",
        contacts.securityContact() + " answers for the project's workloads.");
  }
}
