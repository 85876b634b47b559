package org.researchclouds.operator.controls;

import org.researchclouds.operator.api.Contacts;
import org.researchclouds.operator.api.Owner;

/**
 * Shared: incidents are answered on both sides. The project names who handles its security
 * incidents, and the platform names its own contact for incidents that cross projects (the model's
 * "contact cloud@…").
 */
public final class IncidentResponseControl implements Control {
  @Override
  public String id() {
    return "shared/incident-response";
  }

  @Override
  public Owner owner() {
    return Owner.Shared;
  }

  @Override
  public Finding evaluate(Observation observation) {
    Contacts contacts = observation.project().getSpec().contacts();
    String project = contacts == null ? null : contacts.securityContact();
    String platform = observation.baseline().getSpec().platformContact();
    if (project == null || project.isBlank()) {
      return Finding.notMet(
          "NoProjectSecurityContact",
          "The project names nobody for security incidents: set"
              + " spec.contacts.securityContact.");
    }
    if (platform == null || platform.isBlank()) {
      return Finding.notMet(
          "NoPlatformContact",
          "The platform names no contact for security incidents: the platform team sets"
              + " spec.platformContact in the SecurityBaseline.");
    }
    return Finding.met(
        "ContactsDeclared",
        "Security incidents go to "
            + project
            + " for the project and "
            + platform
            + " for the"
            + " platform.");
  }
}
