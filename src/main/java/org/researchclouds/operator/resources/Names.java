package org.researchclouds.operator.resources;

import java.util.Map;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Every name, label and annotation the operator writes. Project and namespace names are DNS-1123
 * labels of at most 63 characters (the schema says so), and exposure and egress names at most 40,
 * so every value below stays within Kubernetes' limits.
 */
public final class Names {
  public static final String MANAGER = "researchproject-operator";
  public static final String PROJECT_LABEL = ResearchProject.GROUP + "/project";
  public static final String ORPHANED_LABEL = ResearchProject.GROUP + "/orphaned";
  public static final String CLASSIFICATION_LABEL = ResearchProject.GROUP + "/data-classification";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /** Whether the operator created a namespace or adopted one that existed. */
  public static final String ORIGIN_ANNOTATION = ResearchProject.GROUP + "/origin";

  public static final String ORIGIN_CREATED = "created";
  public static final String ORIGIN_ADOPTED = "adopted";

  public static final String POD_SECURITY_PREFIX = "pod-security.kubernetes.io/";

  public static final String DEFAULT_DENY_POLICY = "rp-default-deny";
  public static final String PROJECT_TRAFFIC_POLICY = "rp-allow-project";
  public static final String DNS_POLICY = "rp-allow-dns";
  private static final String EXPOSURE_POLICY_PREFIX = "rp-expose-";
  private static final String EGRESS_POLICY_PREFIX = "rp-egress-";

  private Names() {}

  public static String exposurePolicy(String exposureName) {
    return EXPOSURE_POLICY_PREFIX + exposureName;
  }

  public static String egressPolicy(String egressName) {
    return EGRESS_POLICY_PREFIX + egressName;
  }

  /** Labels on every object the operator manages for a project. */
  public static Map<String, String> managedLabels(String projectName) {
    return Map.of(PROJECT_LABEL, projectName, MANAGED_BY_LABEL, MANAGER);
  }

  /** Label selector matching every object the operator manages, for informers. */
  public static String managedSelector() {
    return MANAGED_BY_LABEL + "=" + MANAGER;
  }
}
