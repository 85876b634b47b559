package org.researchclouds.operator.validation;

import io.fabric8.kubernetes.api.model.Namespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.ComputeQuota;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.NamespaceNaming;
import org.researchclouds.operator.api.Patterns;
import org.researchclouds.operator.api.PeerSelector;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.ServiceType;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.timing.CronSchedule;
import org.researchclouds.operator.timing.GoDuration;

/**
 * Checks a project before anything is applied: first its structure against the CRD's schema, then
 * what the schema cannot know (who holds a namespace, ports named twice, sources the platform does
 * not offer) and what its CEL rules say, which this side cannot evaluate as CEL. The operator
 * applies nothing while any problem remains.
 */
public final class ProjectValidator {
  private static final SchemaCheck SCHEMA = SchemaCheck.of(ResearchProject.class);
  private static final Pattern DNS_LABEL = Pattern.compile(Patterns.DNS_LABEL);
  private static final Pattern LABEL_KEY = Pattern.compile(Patterns.LABEL_KEY);

  /**
   * Where schedules are sampled from: a fixed time, so that a verdict never flips with the clock.
   */
  private static final Instant SAMPLED_FROM = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * The shortest gap of each cron line seen, since sampling runs costs more than the rest of a
   * validation; the least recently used go beyond a thousand lines.
   */
  private static final Map<String, Duration> SHORTEST_GAPS =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Duration> eldest) {
              return size() > 1024;
            }
          });

  private static final int MAX_LABEL_LENGTH = 63;

  private ProjectValidator() {}

  /**
   * @param existingNamespace the namespace of that name as the cluster has it, if any
   * @param hostClaims who else holds an Ingress host
   */
  public static List<Problem> validate(
      ResearchProject project,
      SecurityBaseline baseline,
      Function<String, Optional<Namespace>> existingNamespace,
      Set<String> operatorNamespaces,
      HostClaims hostClaims) {
    List<Problem> problems = new ArrayList<>();
    checkName(project, problems);
    problems.addAll(SCHEMA.check(project.getSpec()));
    problems.addAll(BaselineValidator.check(baseline));
    if (!problems.isEmpty()) {
      // The checks below read the spec as well-formed.
      return problems;
    }
    checkNamespaces(project, baseline, existingNamespace, operatorNamespaces, problems);
    checkExposures(project, baseline, problems);
    checkEgress(project, problems);
    NetworkLimits.check(project, baseline, hostClaims, problems);
    checkMembers(project, problems);
    checkBackup(project, baseline, problems);
    checkCompute(project, baseline, problems);
    return problems;
  }

  private static void checkName(ResearchProject project, List<Problem> problems) {
    String name = project.getMetadata().getName();
    if (name.length() > MAX_LABEL_LENGTH || !DNS_LABEL.matcher(name).matches()) {
      problems.add(
          new Problem(
              "InvalidProjectName",
              "metadata.name: "
                  + name
                  + " must be a DNS-1123 label of at most 63 characters; create the project"
                  + " again under such a name."));
    }
  }

  private static void checkNamespaces(
      ResearchProject project,
      SecurityBaseline baseline,
      Function<String, Optional<Namespace>> existingNamespace,
      Set<String> operatorNamespaces,
      List<Problem> problems) {
    Set<String> platformNamespaces = platformNamespaces(baseline);
    platformNamespaces.addAll(operatorNamespaces);
    Set<String> seen = new HashSet<>();
    List<String> namespaces = project.namespaceNames();
    for (int i = 0; i < namespaces.size(); i++) {
      String namespace = namespaces.get(i);
      String path = "spec.namespaces[" + i + "]";
      if (!seen.add(namespace)) {
        problems.add(
            new Problem(
                "DuplicateNamespace", path + ": namespace " + namespace + " is listed twice."));
      } else if (platformNamespaces.contains(namespace)
          || namespace.startsWith("kube-")
          || namespace.startsWith(Names.DRILL_NAMESPACE_PREFIX)
          // Where platform software installs itself (istio-system, gatekeeper-system): a project
          // named istio must not hold it before the platform installs there.
          || (namespace.endsWith("-system") && !granted(project, namespace, baseline))) {
        problems.add(
            new Problem(
                "NamespaceProtected",
                path
                    + ": namespace "
                    + namespace
                    + " belongs to the platform; choose another name."));
      } else if (!nameAllowed(project, namespace, baseline)) {
        String name = project.getMetadata().getName();
        problems.add(
            new Problem(
                "NamespaceNameNotAllowed",
                path
                    + ": "
                    + namespace
                    + " is neither "
                    + name
                    + " nor "
                    + name
                    + "-<suffix>; choose such a name, or ask the platform team to grant this one"
                    + " (SecurityBaseline spec.namespaceNaming.grants)."));
      } else {
        existingNamespace
            .apply(namespace)
            .ifPresent(existing -> checkHolder(project, existing, problems));
      }
    }
  }

  /**
   * An existing namespace must be this project's already (by its UID), one it released itself, or
   * one the platform handed to it. Never by name alone: a project created again under an old name
   * does not inherit the old one's namespaces.
   */
  private static void checkHolder(
      ResearchProject project, Namespace existing, List<Problem> problems) {
    String projectName = project.getMetadata().getName();
    String name = existing.getMetadata().getName();
    String holder = Names.label(existing, Names.PROJECT_LABEL);
    boolean held =
        Names.label(existing, Names.PROJECT_UID_LABEL) != null
            || (holder != null && !"true".equals(Names.label(existing, Names.ORPHANED_LABEL)));
    Map<String, String> annotations =
        Objects.requireNonNullElse(existing.getMetadata().getAnnotations(), Map.of());
    if (Names.heldBy(existing, project)) {
      return;
    }
    if (held) {
      problems.add(
          new Problem(
              "NamespaceConflict",
              "Namespace "
                  + name
                  + " belongs to "
                  + (projectName.equals(holder)
                      ? "an earlier project of the same name"
                      : "project " + holder)
                  + "; choose another name, or ask the platform team to release it."));
    } else if (!project.getMetadata().getUid().equals(annotations.get(Names.RELEASED_BY_ANNOTATION))
        && !projectName.equals(annotations.get(Names.ADOPTABLE_BY_ANNOTATION))) {
      problems.add(
          new Problem(
              "NamespaceNotAdoptable",
              "Namespace "
                  + name
                  + " exists and belongs to no project; choose another name, or ask the platform"
                  + " team to annotate it "
                  + Names.ADOPTABLE_BY_ANNOTATION
                  + "="
                  + projectName
                  + " to hand it over."));
    }
  }

  private static boolean nameAllowed(
      ResearchProject project, String namespace, SecurityBaseline baseline) {
    String name = project.getMetadata().getName();
    NamespaceNaming naming = baseline.getSpec().namespaceNamingOrDefault();
    return !naming.projectPrefixOrDefault()
        || namespace.equals(name)
        || namespace.startsWith(name + "-")
        || granted(project, namespace, baseline);
  }

  private static boolean granted(
      ResearchProject project, String namespace, SecurityBaseline baseline) {
    String name = project.getMetadata().getName();
    return baseline.getSpec().namespaceNamingOrDefault().grantsOrEmpty().stream()
        .anyMatch(g -> g.namespace().equals(namespace) && g.project().equals(name));
  }

  private static Set<String> platformNamespaces(SecurityBaseline baseline) {
    Set<String> namespaces = new HashSet<>(baseline.getSpec().protectedNamespacesOrEmpty());
    namespaces.add("default");
    namespaces.add(baseline.getSpec().backupOrDefault().veleroNamespaceOrDefault());
    namespaces.add(baseline.getSpec().dnsOrDefault().namespace());
    PeerSelector ingressController = baseline.getSpec().ingressController();
    if (ingressController != null) {
      namespaces.add(ingressController.namespace());
    }
    // Where the workloads that attestations name run: a project there could plant one.
    baseline.getSpec().attestationsOrEmpty().stream()
        .map(Attestation::verifiedBy)
        .filter(Objects::nonNull)
        .forEach(workload -> namespaces.add(workload.namespace()));
    return namespaces;
  }

  private static void checkExposures(
      ResearchProject project, SecurityBaseline baseline, List<Problem> problems) {
    Set<String> names = new HashSet<>();
    List<Exposure> exposures = project.getSpec().networkOrEmpty().exposuresOrEmpty();
    for (int i = 0; i < exposures.size(); i++) {
      Exposure exposure = exposures.get(i);
      String path = "spec.network.exposures[" + i + "]";
      if (!names.add(exposure.name())) {
        problems.add(
            new Problem(
                "DuplicateName",
                path + ".name: exposure " + exposure.name() + " is declared twice."));
      }
      checkSelectorKeys(path + ".podSelector", exposure.podSelectorOrEmpty(), problems);
      checkPortsOnce(exposure, problems);
      checkRanges(path + ".ports", exposure.ports(), problems);
      checkSources(path, exposure, problems);
      if (exposure.from().fromIngressController()
          && baseline.getSpec().ingressController() == null) {
        problems.add(
            new Problem(
                "IngressControllerNotConfigured",
                "Exposure "
                    + exposure.name()
                    + " allows the ingress controller, but the SecurityBaseline names none; ask"
                    + " the platform team to set spec.ingressController, or use cidrs."));
      }
    }
  }

  /** Label keys, which no schema can check: an invalid one would fail the policy's write. */
  private static void checkSelectorKeys(
      String path, Map<String, String> selector, List<Problem> problems) {
    for (String key : selector.keySet()) {
      int slash = key.indexOf('/');
      boolean fits = slash < 0 ? key.length() <= 63 : slash <= 253 && key.length() - slash <= 64;
      if (!fits || !LABEL_KEY.matcher(key).matches()) {
        problems.add(
            new Problem(
                "InvalidSelector",
                path
                    + ": '"
                    + key
                    + "' is not a label key such as app or app.kubernetes.io/name."));
      }
    }
  }

  /** The CRD's rule on ports: a range ends at or after its first port. */
  private static void checkRanges(String path, List<PortSpec> ports, List<Problem> problems) {
    for (int i = 0; i < ports.size(); i++) {
      PortSpec port = ports.get(i);
      if (port.lastPort() < port.port()) {
        problems.add(
            new Problem(
                "InvalidPort",
                path
                    + "["
                    + i
                    + "].endPort: "
                    + port.endPort()
                    + " is below port "
                    + port.port()
                    + "; a range ends at or after its first port."));
      }
    }
  }

  /** The CRD's rules on exposures: a source named, and a service named for its type. */
  private static void checkSources(String path, Exposure exposure, List<Problem> problems) {
    if (!exposure.from().fromIngressController()
        && exposure.from().cidrsOrEmpty().isEmpty()
        && exposure.from().projectsOrEmpty().isEmpty()) {
      problems.add(
          new Problem(
              "MissingField",
              path + ".from: name at least one source: ingressController, cidrs or projects."));
    }
    if (exposure.serviceTypeOrDefault() != ServiceType.ClusterIP && exposure.service() == null) {
      problems.add(
          new Problem(
              "MissingField",
              path
                  + ".service: a "
                  + exposure.serviceTypeOrDefault()
                  + " exposure must name its service."));
    }
  }

  private static void checkPortsOnce(Exposure exposure, List<Problem> problems) {
    List<PortSpec> ports = exposure.ports();
    for (int i = 0; i < ports.size(); i++) {
      for (int j = i + 1; j < ports.size(); j++) {
        if (overlap(ports.get(i), ports.get(j))) {
          problems.add(
              new Problem(
                  "DuplicatePort",
                  "Exposure "
                      + exposure.name()
                      + " names port "
                      + ports.get(j).port()
                      + "/"
                      + ports.get(j).protocolOrDefault()
                      + " twice; list each port once."));
          return;
        }
      }
    }
  }

  private static boolean overlap(PortSpec a, PortSpec b) {
    return a.protocolOrDefault() == b.protocolOrDefault()
        && a.port() <= b.lastPort()
        && b.port() <= a.lastPort();
  }

  private static void checkEgress(ResearchProject project, List<Problem> problems) {
    Set<String> names = new HashSet<>();
    List<Egress> rules = project.getSpec().networkOrEmpty().egressOrEmpty();
    for (int i = 0; i < rules.size(); i++) {
      Egress egress = rules.get(i);
      String path = "spec.network.egress[" + i + "]";
      if (!names.add(egress.name())) {
        problems.add(
            new Problem(
                "DuplicateName", path + ".name: egress " + egress.name() + " is declared twice."));
      }
      checkRanges(path + ".ports", egress.ports(), problems);
      if (egress.cidrsOrEmpty().isEmpty() == egress.projectsOrEmpty().isEmpty()) {
        problems.add(
            new Problem(
                "InvalidEgress",
                path + ": name either cidrs or projects as the destination, not both."));
      }
    }
  }

  private static void checkMembers(ResearchProject project, List<Problem> problems) {
    Set<String> subjects = new HashSet<>();
    List<Member> members = project.getSpec().membersOrEmpty();
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      String path = "spec.members[" + i + "]";
      String subject = member.kind() + " " + qualified(member);
      if (!subjects.add(subject)) {
        problems.add(
            new Problem(
                "DuplicateMember", subject + " is listed more than once; give it one role."));
      }
      if ((member.kind() == MemberKind.ServiceAccount) != (member.namespace() != null)) {
        problems.add(
            new Problem(
                "InvalidMember",
                path
                    + ".namespace: "
                    + subject
                    + ": namespace is required for a ServiceAccount and only for it."));
      } else if (member.kind() == MemberKind.ServiceAccount
          && !project.namespaceNames().contains(member.namespace())) {
        problems.add(
            new Problem(
                "SubjectOutsideProject",
                subject
                    + " is not in one of the project's namespaces; only those may be members."));
      }
      if (member.kind() == MemberKind.ServiceAccount && member.role() == ProjectRole.maintainer) {
        problems.add(
            new Problem(
                "ServiceAccountMaintainer",
                path
                    + ".role: "
                    + subject
                    + " may be a viewer or developer, never a maintainer: the project's developers"
                    + " can run pods as it, and would edit the project with its token."));
      }
      if (member.kind() != MemberKind.ServiceAccount && member.name().startsWith("system:")) {
        problems.add(
            new Problem(
                "SubjectNotAllowed",
                subject
                    + " is a Kubernetes system identity that may stand for many users; name the"
                    + " people or groups of the project."));
      }
    }
  }

  private static String qualified(Member member) {
    return member.namespace() == null ? member.name() : member.namespace() + "/" + member.name();
  }

  private static void checkBackup(
      ResearchProject project, SecurityBaseline baseline, List<Problem> problems) {
    BackupSpec backup = project.getSpec().backupOrDefault();
    BackupPolicy policy = baseline.getSpec().backupOrDefault();
    check(
        "spec.backup.schedule",
        () ->
            checkFrequency(
                "spec.backup.schedule",
                backup.scheduleOrDefault(),
                policy.minimumBackupIntervalOrDefault(),
                "minimumBackupInterval",
                problems),
        problems);
    if (backup.restoreDrillOrDefault().on()) {
      check(
          "spec.backup.restoreDrill.schedule",
          () ->
              checkFrequency(
                  "spec.backup.restoreDrill.schedule",
                  backup.restoreDrillOrDefault().scheduleOrDefault(),
                  policy.minimumDrillIntervalOrDefault(),
                  "minimumDrillInterval",
                  problems),
          problems);
    }
    if (backup.retention() != null) {
      check("spec.backup.retention", () -> GoDuration.parse(backup.retention()), problems);
    }
    if (backup.restoreTestInterval() != null) {
      check(
          "spec.backup.restoreTestInterval",
          () -> GoDuration.parse(backup.restoreTestInterval()),
          problems);
    }
  }

  /** A request over the ceiling is refused whole, never capped in silence. */
  private static void checkCompute(
      ResearchProject project, SecurityBaseline baseline, List<Problem> problems) {
    ComputeQuota asked = project.getSpec().resources();
    if (asked == null) {
      return;
    }
    List<String> beyond =
        asked.beyond(
            baseline
                .getSpec()
                .computeCeilingFor(
                    project.getMetadata().getName(), project.getSpec().dataClassification()));
    if (!beyond.isEmpty()) {
      problems.add(
          new Problem(
              "ComputeOverCeiling",
              "spec.resources asks for "
                  + String.join(", ", beyond)
                  + "; ask for less, or ask the platform team for a computeGrants entry in the"
                  + " SecurityBaseline."));
    }
  }

  /**
   * A schedule may run no more often than the platform allows: every backup and every drill costs
   * storage and API calls that all tenants share.
   */
  private static void checkFrequency(
      String field, String cron, String floor, String floorField, List<Problem> problems) {
    Duration shortest =
        SHORTEST_GAPS.computeIfAbsent(
            cron, line -> CronSchedule.parse(line).shortestGap(SAMPLED_FROM));
    Duration minimum = GoDuration.parse(floor);
    if (shortest.compareTo(minimum) < 0) {
      problems.add(
          new Problem(
              "ScheduleTooFrequent",
              field
                  + ": '"
                  + cron
                  + "' runs every "
                  + GoDuration.format(shortest)
                  + ", more often than the platform allows ("
                  + GoDuration.format(minimum)
                  + ", SecurityBaseline spec.backup."
                  + floorField
                  + ")."));
    }
  }

  private static void check(String field, Runnable parse, List<Problem> problems) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      problems.add(new Problem("InvalidBackupSetting", field + ": " + e.getMessage() + "."));
    }
  }
}
