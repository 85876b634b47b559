package org.researchclouds.operator.controls;

import org.researchclouds.operator.api.Compliance;
import org.researchclouds.operator.api.Owner;
import org.researchclouds.operator.api.TermsOfUse;

/**
 * Shared: comply with laws, policies and contracts, the terms of use in particular. The platform
 * publishes the current terms; the project accepts that version and declares its data's class.
 */
public final class ComplianceControl implements Control {
  @Override
  public String id() {
    return "shared/compliance";
  }

  @Override
  public Owner owner() {
    return Owner.Shared;
  }

  @Override
  public Finding evaluate(Observation observation) {
    TermsOfUse terms = observation.baseline().getSpec().termsOfUse();
    if (terms == null || terms.version() == null || terms.version().isBlank()) {
      return Finding.unknown(
          "TermsOfUseNotPublished",
          "The SecurityBaseline publishes no terms-of-use version; the platform team sets"
              + " spec.termsOfUse.version.");
    }
    Compliance compliance = observation.project().getSpec().compliance();
    String where = terms.url() == null ? "" : " (" + terms.url() + ")";
    if (compliance == null || compliance.termsOfUseVersion() == null) {
      return Finding.notMet(
          "TermsOfUseNotAccepted",
          "Read the terms of use "
              + terms.version()
              + where
              + " and record their acceptance in spec.compliance (termsOfUseVersion, acceptedBy,"
              + " acceptedAt).");
    }
    if (!terms.version().equals(compliance.termsOfUseVersion())) {
      return Finding.notMet(
          "TermsOfUseOutdated",
          "The project accepted terms of use "
              + compliance.termsOfUseVersion()
              + " but "
              + terms.version()
              + " is current"
              + where
              + "; read them and update spec.compliance.termsOfUseVersion.");
    }
    if (compliance.acceptedBy() == null) {
      return Finding.notMet(
          "AcceptanceUnattributed",
          "Say who accepted the terms of use in spec.compliance.acceptedBy.");
    }
    return Finding.met(
        "TermsOfUseAccepted",
        "Terms of use "
            + terms.version()
            + " accepted by "
            + compliance.acceptedBy()
            + "; data classified as "
            + observation.project().getSpec().dataClassification().value()
            + ".");
  }
}
