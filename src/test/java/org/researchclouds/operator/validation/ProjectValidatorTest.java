package org.researchclouds.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.api.BackupPolicy;
import org.researchclouds.operator.api.BackupSpec;
import org.researchclouds.operator.api.DeletionPolicy;
import org.researchclouds.operator.api.Egress;
import org.researchclouds.operator.api.Exposure;
import org.researchclouds.operator.api.ExposureSource;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.NamespaceGrant;
import org.researchclouds.operator.api.NamespaceNaming;
import org.researchclouds.operator.api.NetworkSpec;
import org.researchclouds.operator.api.PortSpec;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.Protocol;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.RestoreDrill;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.Names;

class ProjectValidatorTest {
  private static final Function<String, Optional<Namespace>> NO_NAMESPACES =
      name -> Optional.empty();
  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void acceptsAValidProjectItsOwnNamespacesAndOnesHandedToIt() {
    Map<String, Namespace> existing =
        Map.of(
            "lab",
            namespace("lab", Map.of(Names.PROJECT_LABEL, "lab"), Map.of()),
            "lab-handed",
            namespace("lab-handed", Map.of(), Map.of(Names.ADOPTABLE_BY_ANNOTATION, "lab")));

    assertThat(
            ProjectValidator.validate(
                Fixtures.project("lab", "lab", "lab-handed"),
                baseline,
                name -> Optional.ofNullable(existing.get(name)),
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .isEmpty();
  }

  @Test
  void refusesAnExistingNamespaceThePlatformDidNotHandOver() {
    Namespace someones =
        namespace("lab-finance", Map.of(), Map.of(Names.ADOPTABLE_BY_ANNOTATION, "other"));

    assertThat(
            ProjectValidator.validate(
                Fixtures.project("lab", "lab-finance"),
                baseline,
                name -> Optional.of(someones),
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("NamespaceNotAdoptable");
              assertThat(p.message()).contains("researchclouds.org/adoptable-by=lab");
            });
  }

  @Test
  void refusesMembersOutsideTheProjectSystemIdentitiesAndRepeats() {
    ResearchProject project =
        Fixtures.with(
            Fixtures.project("lab", "lab"),
            "members",
            List.of(
                new Member(MemberKind.ServiceAccount, "ci", "other-team", ProjectRole.developer),
                new Member(MemberKind.Group, "system:authenticated", null, ProjectRole.viewer),
                new Member(MemberKind.User, "ana", null, ProjectRole.viewer),
                new Member(MemberKind.User, "ana", null, ProjectRole.maintainer),
                new Member(MemberKind.ServiceAccount, "ci", "lab", ProjectRole.developer)));

    assertThat(
            ProjectValidator.validate(
                project, baseline, NO_NAMESPACES, Set.of(), Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason)
        .containsExactly("SubjectOutsideProject", "SubjectNotAllowed", "DuplicateMember");
  }

  @Test
  void refusesANamespaceHeldByAnotherProject() {
    Namespace taken =
        namespace(
            "lab-data",
            Map.of(Names.PROJECT_LABEL, "other", Names.PROJECT_UID_LABEL, "uid-of-other"),
            Map.of());

    List<Problem> problems =
        ProjectValidator.validate(
            Fixtures.project("lab", "lab-data"),
            baseline,
            name -> Optional.of(taken),
            Set.of(),
            Fixtures.NO_HOST_CLAIMS);

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.reason()).isEqualTo("NamespaceConflict");
              assertThat(p.message()).contains("lab-data").contains("other");
            });
  }

  @Test
  void aNamespaceAnotherProjectReleasedNeedsThePlatformsHandOver() {
    Namespace released =
        namespace(
            "lab-data",
            Map.of(Names.ORPHANED_LABEL, "true"),
            Map.of(Names.RELEASED_BY_ANNOTATION, "uid-of-other"));

    assertThat(
            ProjectValidator.validate(
                Fixtures.project("lab", "lab-data"),
                baseline,
                name -> Optional.of(released),
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason)
        .containsExactly("NamespaceNotAdoptable");
  }

  @Test
  void refusesThePlatformsNamespaces() {
    for (String name :
        List.of(
            "default", "kube-system", "kube-public", Fixtures.INGRESS_NAMESPACE, "monitoring")) {
      assertThat(
              ProjectValidator.validate(
                  Fixtures.project("lab", name),
                  baseline,
                  NO_NAMESPACES,
                  Set.of(),
                  Fixtures.NO_HOST_CLAIMS))
          .as(name)
          .extracting(Problem::reason)
          .containsExactly("NamespaceProtected");
    }
  }

  @Test
  void refusesAPortNamedTwiceOrOverlappingRanges() {
    assertThat(
            reasons(exposure(new PortSpec(80, null, null), new PortSpec(80, null, Protocol.TCP))))
        .containsExactly("DuplicatePort");
    assertThat(reasons(exposure(new PortSpec(8000, 8100, null), new PortSpec(8080, null, null))))
        .containsExactly("DuplicatePort");
    assertThat(
            reasons(
                exposure(
                    new PortSpec(53, null, Protocol.UDP), new PortSpec(53, null, Protocol.TCP))))
        .isEmpty();
  }

  @Test
  void refusesDuplicateNamesBadCidrsAndAnIngressControllerThePlatformLacks() {
    Exposure web = Fixtures.webExposure();
    Egress bad =
        new Egress("out", List.of("10.0.0.0/33"), null, List.of(new PortSpec(443, null, null)));
    SecurityBaseline noController = Fixtures.with(baseline, "ingressController", null);

    assertThat(
            ProjectValidator.validate(
                projectWith(new NetworkSpec(List.of(web), List.of(bad))),
                baseline,
                NO_NAMESPACES,
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            tuple(
                "InvalidCidr",
                "spec.network.egress[0].cidrs[0]: '10.0.0.0/33' is not a CIDR such as"
                    + " 192.0.2.0/24 or 2001:db8::/32."));
    assertThat(
            ProjectValidator.validate(
                projectWith(new NetworkSpec(List.of(web, web), List.of())),
                noController,
                NO_NAMESPACES,
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason)
        .containsExactly("DuplicateName");
    assertThat(
            ProjectValidator.validate(
                projectWith(new NetworkSpec(List.of(web), List.of())),
                noController,
                NO_NAMESPACES,
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason)
        .containsExactly("IngressControllerNotConfigured");
  }

  private static ResearchProject projectWith(NetworkSpec network) {
    return Fixtures.project("lab", Fixtures.spec(List.of("lab"), network, DeletionPolicy.Retain));
  }

  @Test
  void refusesBackupSettingsThatCannotBeRead() {
    ResearchProject project =
        Fixtures.with(
            Fixtures.project("lab", "lab"),
            "backup",
            new BackupSpec(true, "every night", "30d", null, null, null));

    assertThat(
            ProjectValidator.validate(
                project, baseline, NO_NAMESPACES, Set.of(), Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::message)
        .satisfiesExactlyInAnyOrder(
            cron -> assertThat(cron).contains("spec.backup.schedule").contains("cron"),
            retention -> assertThat(retention).contains("spec.backup.retention").contains("720h"));
  }

  @Test
  void reportsABaselineWhoseDurationsCannotBeRead() {
    SecurityBaseline broken =
        Fixtures.with(
            baseline,
            "backup",
            new BackupPolicy(
                null, null, "", null, null, null, null, "soon", null, null, null, null));

    assertThat(
            ProjectValidator.validate(
                Fixtures.project("lab", "lab"),
                broken,
                NO_NAMESPACES,
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason, p -> p.message().contains("spec.backup."))
        .containsOnly(org.assertj.core.groups.Tuple.tuple("InvalidBaseline", true))
        .hasSize(2);
  }

  private List<String> reasons(Exposure exposure) {
    ResearchProject project =
        Fixtures.project(
            "lab",
            Fixtures.spec(
                List.of("lab"), new NetworkSpec(List.of(exposure), null), DeletionPolicy.Retain));
    return ProjectValidator.validate(
            project, baseline, NO_NAMESPACES, Set.of(), Fixtures.NO_HOST_CLAIMS)
        .stream()
        .map(Problem::reason)
        .toList();
  }

  private static Exposure exposure(PortSpec... ports) {
    return new Exposure(
        "api",
        null,
        List.of(ports),
        new ExposureSource(null, List.of("10.20.0.0/16"), null),
        null,
        null,
        null);
  }

  private static Namespace namespace(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }

  /** Attack 3 of docs/threat-model.md: claim a name the platform needs, or another's drill. */
  @Test
  void refusesThePlatformsNamesAndNamesOutsideTheProjectsOwn() {
    assertThat(reasons(Fixtures.project("lab", "lab", "velero"), Set.of()))
        .containsExactly("NamespaceProtected");
    assertThat(reasons(Fixtures.project("lab", "lab", "operators"), Set.of("operators")))
        .containsExactly("NamespaceProtected");
    assertThat(reasons(Fixtures.project("lab", "lab", "rp-drill-0123456789abcdef"), Set.of()))
        .containsExactly("NamespaceProtected");
    assertThat(reasons(Fixtures.project("lab", "lab", "argocd"), Set.of()))
        .containsExactly("NamespaceNameNotAllowed");
    assertThat(reasons(Fixtures.project("istio", "istio", "istio-system"), Set.of()))
        .as("where platform software installs itself")
        .containsExactly("NamespaceProtected");
    SecurityBaseline granting =
        Fixtures.with(
            baseline,
            "namespaceNaming",
            new NamespaceNaming(null, List.of(new NamespaceGrant("shared-data", "lab"))));
    assertThat(
            ProjectValidator.validate(
                Fixtures.project("lab", "lab", "shared-data"),
                granting,
                NO_NAMESPACES,
                Set.of(),
                Fixtures.NO_HOST_CLAIMS))
        .isEmpty();
  }

  /** Attack 4 of docs/threat-model.md: a ServiceAccount that developers can run pods as. */
  @Test
  void aServiceAccountMayNotBeAMaintainer() {
    ResearchProject project =
        Fixtures.with(
            Fixtures.project("lab", "lab"),
            "members",
            List.of(new Member(MemberKind.ServiceAccount, "ci", "lab", ProjectRole.maintainer)));

    assertThat(reasons(project, Set.of())).containsExactly("ServiceAccountMaintainer");
  }

  /** Attack 6 of docs/threat-model.md: a backup, or a drill, every minute. */
  @Test
  void schedulesRunNoMoreOftenThanThePlatformAllows() {
    ResearchProject everyMinute =
        Fixtures.with(
            Fixtures.project("lab", "lab"),
            "backup",
            new BackupSpec(
                true, "* * * * *", null, null, null, new RestoreDrill(true, "0 * * * *")));

    assertThat(
            ProjectValidator.validate(
                everyMinute, baseline, NO_NAMESPACES, Set.of(), Fixtures.NO_HOST_CLAIMS))
        .extracting(Problem::reason, Problem::message)
        .containsExactlyInAnyOrder(
            tuple(
                "ScheduleTooFrequent",
                "spec.backup.schedule: '* * * * *' runs every 0h1m0s, more often than the platform"
                    + " allows (1h0m0s, SecurityBaseline spec.backup.minimumBackupInterval)."),
            tuple(
                "ScheduleTooFrequent",
                "spec.backup.restoreDrill.schedule: '0 * * * *' runs every 1h0m0s, more often than"
                    + " the platform allows (24h0m0s, SecurityBaseline"
                    + " spec.backup.minimumDrillInterval)."));
  }

  private List<String> reasons(ResearchProject project, Set<String> operatorNamespaces) {
    return ProjectValidator.validate(
            project, baseline, NO_NAMESPACES, operatorNamespaces, Fixtures.NO_HOST_CLAIMS)
        .stream()
        .map(Problem::reason)
        .toList();
  }
}
