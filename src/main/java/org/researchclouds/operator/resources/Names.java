package org.researchclouds.operator.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
  public static final String COMPUTE_QUOTA = "rp-compute";
  public static final String CONTAINER_DEFAULTS = "rp-container-defaults";
  private static final String EXPOSURE_POLICY_PREFIX = "rp-expose-";
  private static final String ROLE_BINDING_PREFIX = "rp-";
  private static final String CLUSTER_ROLE_PREFIX = "researchproject-";
  private static final String SELF_SERVICE_PREFIX = "researchproject-self-";
  private static final String SELF_READ_PREFIX = "researchproject-read-";
  private static final String EGRESS_POLICY_PREFIX = "rp-egress-";

  /** Velero labels the Backups of a Schedule with the Schedule's name. */
  public static final String VELERO_SCHEDULE_LABEL = "velero.io/schedule-name";

  /** Marks a restore drill's Restore. */
  public static final String DRILL_LABEL = ResearchProject.GROUP + "/restore-drill";

  /**
   * The UID of the project a drill's scratch namespace serves. Not the project's labels: a scratch
   * namespace is no project namespace, and grants the project's members nothing.
   */
  public static final String DRILL_OF_LABEL = ResearchProject.GROUP + "/restore-drill-of";

  /** On a scratch namespace: the drill's Restore, whose end lets the namespace go. */
  public static final String DRILL_RESTORE_ANNOTATION = ResearchProject.GROUP + "/restore";

  /** Scratch namespaces of restore drills; no project may claim a name with this prefix. */
  public static final String DRILL_NAMESPACE_PREFIX = "rp-drill-";

  /**
   * The UID of the project that holds a namespace or manages an object. Ownership is decided by it,
   * never by the project's name, which a project created later under that name would share.
   */
  public static final String PROJECT_UID_LABEL = ResearchProject.GROUP + "/project-uid";

  /**
   * On a namespace a project released: the releasing project's UID, so that the same project, and
   * no later namesake, may take it back.
   */
  public static final String RELEASED_BY_ANNOTATION = ResearchProject.GROUP + "/released-by";

  /** Marks the final Backup taken before a project's namespaces are deleted. */
  public static final String FINAL_BACKUP_LABEL = ResearchProject.GROUP + "/final-backup";

  private static final int MAX_LABEL_VALUE = 63;

  private Names() {}

  /**
   * The Velero Schedule of a project. Velero puts it in a label of every Backup, so it must stay
   * within 63 characters. Names are injective: a name too long for {@code rp-} is shortened with a
   * hash of the whole under {@code rph-}, a prefix no {@code rp-} name can take, so that no project
   * can choose a name that maps onto another's Schedule.
   */
  public static String backupSchedule(String projectName) {
    String plain = "rp-" + projectName;
    return plain.length() <= MAX_LABEL_VALUE ? plain : shortened("rph-", projectName, projectName);
  }

  /**
   * The Backup taken before a project's namespaces are deleted: one per incarnation of the project
   * (its UID), so that a project created again under the same name never finds, nor reuses, the
   * final backup of the one before.
   */
  public static String finalBackup(ResearchProject project) {
    return shortened("rpf-", project.getMetadata().getName(), project.getMetadata().getUid());
  }

  /**
   * A restore drill's Restore, for this incarnation, named after when it started (yyyyMMddHHmmss).
   */
  public static String drillRestore(ResearchProject project, String startedAt) {
    String uid = project.getMetadata().getUid();
    return "rpd-" + hash(uid).substring(0, 12) + "-" + startedAt;
  }

  /** The scratch namespace a drill restores one project namespace into. */
  public static String drillNamespace(ResearchProject project, String namespace) {
    return DRILL_NAMESPACE_PREFIX + hash(project.getMetadata().getUid() + "/" + namespace);
  }

  /**
   * {@code prefix}, as much of {@code readable} as fits, and a hash of {@code identity}: within 63
   * characters, and distinct for distinct identities.
   */
  private static String shortened(String prefix, String readable, String identity) {
    String suffix = "-" + hash(identity);
    int room = MAX_LABEL_VALUE - prefix.length() - suffix.length();
    String kept = readable.length() <= room ? readable : readable.substring(0, room);
    return prefix + kept.replaceAll("-+$", "") + suffix;
  }

  /** 64 bits of SHA-256: no one can search out a second name with the same hash. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
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

  /** The ClusterRole and ClusterRoleBinding that let a project's other members read it. */
  public static String selfRead(String projectName) {
    return SELF_READ_PREFIX + projectName;
  }

  /** The project a self-service object's name speaks for, whoever wrote the object. */
  public static Optional<String> selfServiceProject(String objectName) {
    return Stream.of(SELF_SERVICE_PREFIX, SELF_READ_PREFIX)
        .filter(objectName::startsWith)
        .map(prefix -> objectName.substring(prefix.length()))
        .findFirst();
  }

  /**
   * Whether the operator wrote the object for another project, by that project's UID: a copy that
   * kept only the managed-by label is nobody's leftover.
   */
  public static boolean leftoverOfAnotherProject(HasMetadata object, ResearchProject project) {
    return operatorManaged(object)
        && label(object, PROJECT_UID_LABEL) != null
        && !managedBy(object, project);
  }

  /** Labels on every object the operator manages for a project: its name, and its UID. */
  public static Map<String, String> managedLabels(ResearchProject project) {
    return Map.of(
        PROJECT_LABEL,
        project.getMetadata().getName(),
        PROJECT_UID_LABEL,
        project.getMetadata().getUid(),
        MANAGED_BY_LABEL,
        MANAGER);
  }

  /**
   * Whether the operator manages this object for this project: its UID label names the project, or,
   * for an object written before UIDs were recorded, its name label does and the object was never
   * released.
   */
  public static boolean managedBy(HasMetadata object, ResearchProject project) {
    return operatorManaged(object) && heldBy(object, project);
  }

  /**
   * Whether the project holds the object (a namespace, say): by its UID label, or, for an object
   * labelled before UIDs were recorded, by its name label, unless it was released.
   */
  public static boolean heldBy(HasMetadata object, ResearchProject project) {
    Map<String, String> labels = object.getMetadata().getLabels();
    if (labels == null) {
      return false;
    }
    String uid = labels.get(PROJECT_UID_LABEL);
    if (uid != null) {
      return uid.equals(project.getMetadata().getUid());
    }
    return project.getMetadata().getName().equals(labels.get(PROJECT_LABEL))
        && !"true".equals(labels.get(ORPHANED_LABEL));
  }

  /** A label's value, or null: the one null-safe label read. */
  public static String label(HasMetadata object, String key) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  /** Whether the operator wrote the object, for whichever project. */
  public static boolean operatorManaged(HasMetadata object) {
    return MANAGER.equals(label(object, MANAGED_BY_LABEL));
  }
}
