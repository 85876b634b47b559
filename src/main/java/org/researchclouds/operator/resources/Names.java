package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.researchclouds.operator.api.ProjectRole;
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

  /**
   * Set by the platform on an existing namespace to hand it to a project: without it, a project
   * cannot take over a namespace that others may be using.
   */
  public static final String ADOPTABLE_BY_ANNOTATION = ResearchProject.GROUP + "/adoptable-by";

  public static final String ORIGIN_CREATED = "created";
  public static final String ORIGIN_ADOPTED = "adopted";

  public static final String POD_SECURITY_PREFIX = "pod-security.kubernetes.io/";

  public static final String DEFAULT_DENY_POLICY = "rp-default-deny";
  public static final String PROJECT_TRAFFIC_POLICY = "rp-allow-project";
  public static final String DNS_POLICY = "rp-allow-dns";
  private static final String EXPOSURE_POLICY_PREFIX = "rp-expose-";
  private static final String ROLE_BINDING_PREFIX = "rp-";
  private static final String CLUSTER_ROLE_PREFIX = "researchproject-";
  private static final String SELF_SERVICE_PREFIX = "researchproject-self-";
  private static final String EGRESS_POLICY_PREFIX = "rp-egress-";

  /** Velero labels the Backups of a Schedule with the Schedule's name. */
  public static final String VELERO_SCHEDULE_LABEL = "velero.io/schedule-name";

  /** Marks a restore drill's Restore. */
  public static final String DRILL_LABEL = ResearchProject.GROUP + "/restore-drill";

  /**
   * Names the project a drill's scratch namespace serves. Not the project label: a scratch
   * namespace is no project namespace, and grants the project's members nothing.
   */
  public static final String DRILL_OF_LABEL = ResearchProject.GROUP + "/restore-drill-of";

  /** On a scratch namespace: the drill's Restore, whose end lets the namespace go. */
  public static final String DRILL_RESTORE_ANNOTATION = ResearchProject.GROUP + "/restore";

  /** Marks the final Backup taken before a project's namespaces are deleted. */
  public static final String FINAL_BACKUP_LABEL = ResearchProject.GROUP + "/final-backup";

  private static final int MAX_LABEL_VALUE = 63;

  private Names() {}

  /**
   * The Velero Schedule of a project. Velero puts it in a label of every Backup, so it must stay
   * within 63 characters: long project names are shortened with a hash that keeps them apart.
   */
  public static String backupSchedule(String projectName) {
    return withinLabelLimit("rp-" + projectName, projectName);
  }

  /** The Backup taken before a project's namespaces are deleted. */
  public static String finalBackup(String projectName) {
    return backupSchedule(projectName) + "-final";
  }

  /** A restore drill's Restore, named after when it started (yyyyMMddHHmmss). */
  public static String drillRestore(String projectName, String startedAt) {
    return backupSchedule(projectName) + "-drill-" + startedAt;
  }

  /** The scratch namespace a drill restores one project namespace into. */
  public static String drillNamespace(String projectName, String namespace) {
    return "rp-drill-" + hash(projectName + "/" + namespace);
  }

  private static String withinLabelLimit(String name, String seed) {
    if (name.length() <= MAX_LABEL_VALUE) {
      return name;
    }
    String suffix = "-" + hash(seed);
    return name.substring(0, MAX_LABEL_VALUE - suffix.length()) + suffix;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static String exposurePolicy(String exposureName) {
    return EXPOSURE_POLICY_PREFIX + exposureName;
  }

  public static String egressPolicy(String egressName) {
    return EGRESS_POLICY_PREFIX + egressName;
  }

  /** The RoleBinding of a project role in each project namespace, such as rp-viewer. */
  public static String roleBinding(ProjectRole role) {
    return ROLE_BINDING_PREFIX + role.name();
  }

  /** The ClusterRole the operator's chart ships for a project role. */
  public static String clusterRole(ProjectRole role) {
    return CLUSTER_ROLE_PREFIX + role.name();
  }

  /** The ClusterRole and ClusterRoleBinding that let a project's maintainers edit it. */
  public static String selfService(String projectName) {
    return SELF_SERVICE_PREFIX + projectName;
  }

  /** Labels on every object the operator manages for a project. */
  public static Map<String, String> managedLabels(String projectName) {
    return Map.of(PROJECT_LABEL, projectName, MANAGED_BY_LABEL, MANAGER);
  }

  /** Whether the operator manages this object for that project. */
  public static boolean managedBy(HasMetadata object, String project) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null
        && MANAGER.equals(labels.get(MANAGED_BY_LABEL))
        && project.equals(labels.get(PROJECT_LABEL));
  }

  /** Label selector matching every object the operator manages, for informers. */
  public static String managedSelector() {
    return MANAGED_BY_LABEL + "=" + MANAGER;
  }
}
