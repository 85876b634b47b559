package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.observe.ClusterView;
import org.researchclouds.operator.observe.FreshWrites;
import org.researchclouds.operator.resources.ComputeDesired;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkFloors;
import org.researchclouds.operator.resources.NetworkPolicyDesired;
import org.researchclouds.operator.resources.RoleBindingDesired;
import org.researchclouds.operator.resources.SelfServiceDesired;
import org.researchclouds.operator.resources.SelfServiceDesired.Access;

/**
 * Brings a valid project's guard rails to their desired state: namespaces, NetworkPolicies, the
 * members' RoleBindings, the compute quota and container defaults, and the maintainers'
 * self-service access. It creates what is missing, restores what drifted, deletes the operator's
 * own objects that are no longer wanted, and releases namespaces the project no longer lists.
 * Writes nothing when all is in place.
 */
public final class GuardRails {
  private final ObjectWriter writer;
  private final NamespaceRelease release;
  private final NamespaceKind namespaceKind = new NamespaceKind();

  public GuardRails(KubernetesClient client, AuditTrail trail) {
    this.writer = new ObjectWriter(client, trail);
    this.release = new NamespaceRelease(client, trail);
  }

  /** Returns the objects now in place and those deleted, for the observation that follows. */
  public FreshWrites apply(
      ResearchProject project, SecurityBaseline baseline, NetworkFloors floors, ClusterView view) {
    FreshWrites fresh = FreshWrites.none();
    for (String namespace : project.namespaceNames()) {
      HasMetadata inPlace =
          writer.apply(
              project,
              namespaceKind,
              NamespaceDesired.desired(project, namespace, baseline),
              view.namespace(namespace),
              view.namespaceCache());
      fresh = fresh.plus(new FreshWrites(List.of(inPlace), Set.of()));
      fresh =
          fresh.plus(
              sync(
                  project,
                  WhollyOwnedKind.NETWORK_POLICY,
                  NetworkPolicyDesired.desired(project, namespace, floors),
                  view.policies(namespace),
                  view.policyCache()));
      fresh =
          fresh.plus(
              sync(
                  project,
                  WhollyOwnedKind.ROLE_BINDING,
                  RoleBindingDesired.desired(project, namespace),
                  view.roleBindings(namespace),
                  view.roleBindingCache()));
      fresh =
          fresh
              .plus(
                  sync(
                      project,
                      WhollyOwnedKind.RESOURCE_QUOTA,
                      unlessTaken(
                          ComputeDesired.resourceQuota(project, namespace, baseline),
                          view.quotas(namespace)),
                      view.quotas(namespace),
                      view.quotaCache()))
              .plus(
                  sync(
                      project,
                      WhollyOwnedKind.LIMIT_RANGE,
                      unlessTaken(
                          ComputeDesired.limitRange(project, namespace, baseline),
                          view.limitRanges(namespace)),
                      view.limitRanges(namespace),
                      view.limitRangeCache()));
    }
    fresh = fresh.plus(applySelfService(project, view));
    for (Namespace held : view.namespacesHeldBy(project)) {
      if (!project.namespaceNames().contains(held.getMetadata().getName())) {
        release.orphan(project, held, view);
      }
    }
    return fresh;
  }

  private FreshWrites applySelfService(ResearchProject project, ClusterView view) {
    FreshWrites fresh = FreshWrites.none();
    for (Access access : Access.values()) {
      String name = access.objectName(project.getMetadata().getName());
      fresh =
          fresh
              .plus(
                  sync(
                      project,
                      WhollyOwnedKind.CLUSTER_ROLE,
                      SelfServiceDesired.role(project, access).stream().toList(),
                      withoutLeftover(project, view.clusterRole(name)),
                      view.clusterRoleCache()))
              .plus(
                  sync(
                      project,
                      WhollyOwnedKind.CLUSTER_ROLE_BINDING,
                      SelfServiceDesired.binding(project, access).stream().toList(),
                      withoutLeftover(project, view.clusterRoleBinding(name)),
                      view.clusterRoleBindingCache()));
    }
    return fresh;
  }

  /**
   * A self-service object the operator wrote for another UID was left by an earlier project of the
   * same name (deleted with its dependents orphaned): it would let the old maintainers edit this
   * one. It is deleted, and the project's own is created afresh. A namesake the operator did not
   * write is never touched: validation refuses the project, and one that appeared since makes the
   * create below fail rather than take it over.
   */
  private <R extends HasMetadata> List<R> withoutLeftover(
      ResearchProject project, Optional<R> found) {
    if (found.isEmpty() || Names.managedBy(found.get(), project)) {
      return found.stream().toList();
    }
    if (Names.leftoverOfAnotherProject(found.get(), project)) {
      writer.delete(project, found.get(), "Deleted", "left by an earlier project of the same name");
    }
    return List.of();
  }

  /**
   * Applies each desired object over its namesake among {@code actual}, and deletes the objects of
   * {@code actual} that the operator manages for this project but no longer wants.
   */
  private <R extends HasMetadata> FreshWrites sync(
      ResearchProject project,
      OwnedKind<R> kind,
      List<R> desired,
      List<R> actual,
      InformerEventSource<R, ResearchProject> cache) {
    List<HasMetadata> inPlace = new ArrayList<>();
    Set<ResourceID> deleted = new HashSet<>();
    for (R object : desired) {
      inPlace.add(
          writer.apply(
              project, kind, object, named(actual, object.getMetadata().getName()), cache));
    }
    Set<String> wanted =
        desired.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    for (R object : actual) {
      if (Names.managedBy(object, project) && !wanted.contains(object.getMetadata().getName())) {
        writer.delete(project, object, "Deleted", "no longer declared by the project");
        deleted.add(ResourceID.fromResource(object));
      }
    }
    return new FreshWrites(inPlace, deleted);
  }

  /**
   * The object, unless a namesake that another writer put there (a quota the platform set by hand)
   * holds its name: that one is neither overwritten nor deleted, and the compute control names it.
   * One the operator wrote for an earlier holder of the namespace is this project's to replace.
   */
  private static <R extends HasMetadata> List<R> unlessTaken(R desired, List<R> actual) {
    return named(actual, desired.getMetadata().getName())
            .filter(namesake -> !Names.operatorManaged(namesake))
            .isPresent()
        ? List.of()
        : List.of(desired);
  }

  private static <R extends HasMetadata> Optional<R> named(List<R> objects, String name) {
    return objects.stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }
}
