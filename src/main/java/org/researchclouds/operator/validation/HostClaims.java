package org.researchclouds.operator.validation;

import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;

/** Who else routes a host: Ingress hosts belong to one project each. */
@FunctionalInterface
public interface HostClaims {
  /** The other project that keeps a host overlapping this one, if any. */
  Optional<String> holder(ResearchProject claimant, String host);
}
