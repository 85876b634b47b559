package org.researchclouds.operator.observe;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.researchclouds.operator.api.Attestation;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.api.WorkloadReference;
import org.researchclouds.operator.controls.Finding;
import org.researchclouds.operator.controls.Observation;
import org.researchclouds.operator.controls.PlatformFacts;
import org.researchclouds.operator.controls.VeleroState;
import org.researchclouds.operator.controls.Workloads;
import org.researchclouds.operator.network.HostPattern;
import org.researchclouds.operator.resources.Names;
import org.researchclouds.operator.resources.SelfServiceDesired;
import org.researchclouds.operator.resources.SelfServiceDesired.Access;

/**
 * The operator's view of the cluster, read from JOSDK's informer caches: no call to the API server
 * on a reconcile that changes nothing. Each informer maps its events to the projects they touch.
 */
public final class ClusterView {
  private static final String BY_PROJECT = "byProject";
  private static final String BY_DRILL = "byDrill";
  private static final String BY_CLUSTER_ROLE = "byClusterRole";
  private static final String BY_HOST = "byHost";
  private static final String BY_PEER = "byPeer";
  private static final List<String> DEFAULT_CLASS_ANNOTATIONS =
      List.of(
          "storageclass.kubernetes.io/is-default-class",
          "storageclass.beta.kubernetes.io/is-default-class");

  private final InformerEventSource<Namespace, ResearchProject> namespaces;
  private final InformerEventSource<NetworkPolicy, ResearchProject> policies;
  private final InformerEventSource<Service, ResearchProject> services;
  private final InformerEventSource<Ingress, ResearchProject> ingresses;
  private final InformerEventSource<SecurityBaseline, ResearchProject> baselines;
  private final InformerEventSource<RoleBinding, ResearchProject> roleBindings;
  private final InformerEventSource<Role, ResearchProject> roles;
  private final InformerEventSource<ClusterRole, ResearchProject> clusterRoles;
  private final InformerEventSource<ClusterRoleBinding, ResearchProject> clusterRoleBindings;
  private final InformerEventSource<ResearchProject, ResearchProject> neighbours;
  private final InformerEventSource<PersistentVolumeClaim, ResearchProject> volumeClaims;
  private final InformerEventSource<StorageClass, ResearchProject> storageClasses;
  private final InformerEventSource<ResourceQuota, ResearchProject> quotas;
  private final InformerEventSource<LimitRange, ResearchProject> limitRanges;
  private final WorkloadImages images;
  private final PlatformProbe probe;
  private final InstalledCrds crds;
  private final VeleroView velero;
  private final ScannerView scanner;
  private final IndexerResourceCache<ResearchProject> projects;

  /**
   * @param probeInterval how long the platform's version and workloads, once read, are trusted
   */
  public ClusterView(EventSourceContext<ResearchProject> context, Duration probeInterval) {
    projects = context.getPrimaryCache();
    projects.addIndexers(
        Map.<String, Function<ResearchProject, List<String>>>of(
            BY_HOST,
            p ->
                p.getSpec() == null
                    ? List.of()
                    : p.ingressHosts().stream()
                        .flatMap(host -> HostPattern.indexKeys(host).stream())
                        .distinct()
                        .toList(),
            BY_PEER,
            p -> p.getSpec() == null ? List.of() : p.peerNames()));
    namespaces =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Namespace.class, ResearchProject.class)
                .withSecondaryToPrimaryMapper(ns -> projectOf(ns).map(Set::of).orElse(Set.of()))
                .build(),
            context);
    namespaces.addIndexers(
        Map.<String, Function<Namespace, List<String>>>of(
            BY_PROJECT,
            ns -> projectOf(ns).map(id -> List.of(id.getName())).orElse(List.of()),
            BY_DRILL,
            ns ->
                Optional.ofNullable(Names.label(ns, Names.DRILL_OF_LABEL))
                    .map(List::of)
                    .orElse(List.of())));
    // BY_DRILL is keyed by the project's UID.
    policies = namespaced(NetworkPolicy.class, context);
    // Every Service and Ingress of the cluster passes through these two informers, projects' or
    // not: they keep only the fields the controls read, so that a cluster of large objects
    // (annotations, last-applied configurations) cannot fill the operator's heap.
    services =
        namespaced(Service.class, context, reduced(Service.class, "spec.type", "spec.ports"));
    ingresses =
        namespaced(
            Ingress.class,
            context,
            reduced(Ingress.class, "spec.rules", "spec.defaultBackend", "spec.tls"));
    roleBindings = namespaced(RoleBinding.class, context);
    roleBindings.addIndexers(
        Map.<String, Function<RoleBinding, List<String>>>of(
            BY_CLUSTER_ROLE,
            b ->
                "ClusterRole".equals(b.getRoleRef().getKind())
                    ? List.of(b.getRoleRef().getName())
                    : List.of()));
    roles = namespaced(Role.class, context);
    // Every ClusterRole, to judge what unmanaged bindings grant. An edit touches the operator's
    // own project, and every project with a binding in its namespaces that names the role: a
    // harmless role may be made dangerous after it was bound.
    clusterRoles =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ClusterRole.class, ResearchProject.class)
                .withSecondaryToPrimaryMapper(this::projectsBinding)
                .build(),
            context);
    // Every ClusterRoleBinding, so that a foreign one bearing a project's self-service name is
    // seen and refused rather than taken over.
    clusterRoleBindings =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ClusterRoleBinding.class, ResearchProject.class)
                .withSecondaryToPrimaryMapper(ClusterView::projectsNamedBy)
                .build(),
            context);
    // A project's change reaches the projects that name it or that it names, whose policies and
    // consent depend on its identity and exposures, and those that share an Ingress host with
    // it, which may now take the host or lose it. This informer keeps only what the mapping reads.
    neighbours =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(ResearchProject.class, ResearchProject.class)
                .withName("neighbour-projects")
                .withSecondaryToPrimaryMapper(this::neighboursOf)
                .withItemStore(reduced(ResearchProject.class, "spec.network"))
                .build(),
            context);
    // What the patching, encryption and compute controls read; Pods and workloads are reduced to
    // their containers, claims to their class.
    volumeClaims =
        namespaced(
            PersistentVolumeClaim.class,
            context,
            reduced(PersistentVolumeClaim.class, "spec.storageClassName"));
    // A quota's use moves with every pod; the reconcile that follows another change reports it.
    quotas =
        namespaced(
            ResourceQuota.class,
            context,
            null,
            (updated, old) ->
                !Objects.equals(updated.getSpec(), old.getSpec())
                    || !Objects.equals(hard(updated), hard(old))
                    || !Objects.equals(
                        updated.getMetadata().getLabels(), old.getMetadata().getLabels()));
    limitRanges = namespaced(LimitRange.class, context);
    images = new WorkloadImages(this, context);
    // A class appearing, going or becoming the default changes what every claim uses.
    storageClasses =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(StorageClass.class, ResearchProject.class)
                .withItemStore(
                    reduced(
                        StorageClass.class, "metadata.annotations", "metadata.creationTimestamp"))
                .withSecondaryToPrimaryMapper(storageClass -> everyProject(context))
                .build(),
            context);
    probe = new PlatformProbe(context.getClient(), probeInterval);
    crds = new InstalledCrds(context);
    velero = new VeleroView(crds);
    scanner = new ScannerView(crds);
    // A baseline change can move every project's floors. Its status, which counts the projects,
    // changes with theirs and moves no floor: only a new generation touches every project.
    baselines =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(SecurityBaseline.class, ResearchProject.class)
                .withOnUpdateFilter(
                    (updated, old) ->
                        !Objects.equals(
                            updated.getMetadata().getGeneration(),
                            old.getMetadata().getGeneration()))
                .withSecondaryToPrimaryMapper(baseline -> everyProject(context))
                .build(),
            context);
  }

  public List<EventSource<?, ResearchProject>> eventSources() {
    List<EventSource<?, ResearchProject>> sources = new ArrayList<>(images.sources());
    sources.addAll(
        List.of(
            volumeClaims,
            storageClasses,
            quotas,
            limitRanges,
            namespaces,
            policies,
            services,
            ingresses,
            baselines,
            roleBindings,
            roles,
            clusterRoles,
            clusterRoleBindings,
            neighbours,
            crds.source()));
    return sources;
  }

  /** Registers the informers of Velero and the scanner once their CRDs exist. */
  public void startWatching(Context<ResearchProject> context) {
    velero.startWatching(context);
    scanner.startWatching(context, this::projectOfNamespaced);
  }

  public InformerEventSource<ResourceQuota, ResearchProject> quotaCache() {
    return quotas;
  }

  public InformerEventSource<LimitRange, ResearchProject> limitRangeCache() {
    return limitRanges;
  }

  public List<ResourceQuota> quotas(String namespace) {
    return InNamespace.of(quotas, namespace).toList();
  }

  public List<LimitRange> limitRanges(String namespace) {
    return InNamespace.of(limitRanges, namespace).toList();
  }

  public VeleroView velero() {
    return velero;
  }

  public VeleroState veleroState(ResearchProject project, SecurityBaseline baseline) {
    var policy = baseline.getSpec().backupOrDefault();
    return velero.state(
        project, policy.veleroNamespaceOrDefault(), policy.storageLocationOrDefault());
  }

  public InformerEventSource<RoleBinding, ResearchProject> roleBindingCache() {
    return roleBindings;
  }

  public InformerEventSource<ClusterRole, ResearchProject> clusterRoleCache() {
    return clusterRoles;
  }

  public InformerEventSource<ClusterRoleBinding, ResearchProject> clusterRoleBindingCache() {
    return clusterRoleBindings;
  }

  public List<RoleBinding> roleBindings(String namespace) {
    return InNamespace.of(roleBindings, namespace).toList();
  }

  public Optional<ClusterRole> clusterRole(String name) {
    return clusterRoles.get(new ResourceID(name));
  }

  public Optional<ClusterRoleBinding> clusterRoleBinding(String name) {
    return clusterRoleBindings.get(new ResourceID(name));
  }

  /**
   * The self-service ClusterRoles and ClusterRoleBindings the project needs whose names another
   * writer already uses (an administrator's {@code researchproject-read-all}, say): the operator
   * neither deletes nor takes them over.
   */
  public List<String> foreignSelfServiceObjects(ResearchProject project) {
    List<String> foreign = new ArrayList<>();
    for (Access access : Access.values()) {
      if (SelfServiceDesired.role(project, access).isEmpty()) {
        continue;
      }
      String name = access.objectName(project.getMetadata().getName());
      clusterRole(name)
          .filter(role -> foreignTo(role, project))
          .ifPresent(role -> foreign.add("ClusterRole " + name));
      clusterRoleBinding(name)
          .filter(binding -> foreignTo(binding, project))
          .ifPresent(binding -> foreign.add("ClusterRoleBinding " + name));
    }
    return foreign;
  }

  private static boolean foreignTo(HasMetadata object, ResearchProject project) {
    return !Names.managedBy(object, project) && !Names.leftoverOfAnotherProject(object, project);
  }

  /** A project, by its label or by the self-service name it would use. */
  private static Set<ResourceID> projectsNamedBy(HasMetadata object) {
    Set<ResourceID> projects = new HashSet<>();
    projectOf(object).ifPresent(projects::add);
    Names.selfServiceProject(object.getMetadata().getName())
        .map(ResourceID::new)
        .ifPresent(projects::add);
    return projects;
  }

  public InformerEventSource<Namespace, ResearchProject> namespaceCache() {
    return namespaces;
  }

  public InformerEventSource<NetworkPolicy, ResearchProject> policyCache() {
    return policies;
  }

  public Optional<SecurityBaseline> baseline(String name) {
    return baselines.get(new ResourceID(name));
  }

  public Optional<Namespace> namespace(String name) {
    return namespaces.get(new ResourceID(name));
  }

  /**
   * Namespaces this incarnation of the project holds, by its UID, listed in its spec or not (any
   * more). Never by name alone: a namespace of an earlier project of the same name is not held.
   */
  public List<Namespace> namespacesHeldBy(ResearchProject project) {
    return namespaces.byIndex(BY_PROJECT, project.getMetadata().getName()).stream()
        .filter(ns -> Names.heldBy(ns, project))
        .toList();
  }

  /**
   * The names of the namespaces the project holds: those its spec lists first, in that order, then
   * any it still holds without listing them (a spec edited while invalid leaves them held). A
   * deletion backs up and removes exactly these.
   */
  public List<String> heldNamespaceNames(ResearchProject project) {
    List<String> listed = project.namespaceNames();
    return namespacesHeldBy(project).stream()
        .map(ns -> ns.getMetadata().getName())
        .sorted(
            Comparator.comparingInt(
                    (String name) -> listed.contains(name) ? listed.indexOf(name) : listed.size())
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /** The scratch namespaces of the project's restore drills. */
  public List<Namespace> drillNamespaces(ResearchProject project) {
    return namespaces.byIndex(BY_DRILL, project.getMetadata().getUid());
  }

  public List<NetworkPolicy> policies(String namespace) {
    return InNamespace.of(policies, namespace).toList();
  }

  /**
   * What the controls read, leaving out objects the operator has just deleted.
   *
   * @param peers the projects it names, as the reconcile read them once for all its steps
   */
  public Observation observe(
      ResearchProject project,
      SecurityBaseline baseline,
      Map<String, ResearchProject> peers,
      FreshWrites fresh,
      Instant now) {
    Map<String, Namespace> present = new LinkedHashMap<>();
    Map<String, List<NetworkPolicy>> policiesByNamespace = new LinkedHashMap<>();
    Map<String, List<RoleBinding>> bindingsByNamespace = new LinkedHashMap<>();
    Map<String, List<Role>> rolesByNamespace = new LinkedHashMap<>();
    for (String name : project.namespaceNames()) {
      namespace(name)
          .filter(ns -> Names.heldBy(ns, project))
          .ifPresent(
              ns -> {
                present.put(name, ns);
                policiesByNamespace.put(
                    name,
                    fresh.over(InNamespace.of(policies, name).toList(), NetworkPolicy.class, name));
                bindingsByNamespace.put(
                    name,
                    fresh.over(
                        InNamespace.of(roleBindings, name).toList(), RoleBinding.class, name));
                rolesByNamespace.put(name, InNamespace.of(roles, name).toList());
              });
    }
    List<Ingress> projectIngresses =
        present.keySet().stream().flatMap(ns -> InNamespace.of(ingresses, ns)).toList();
    return new Observation(
        project,
        baseline,
        present,
        policiesByNamespace,
        present.keySet().stream().flatMap(ns -> InNamespace.of(services, ns)).toList(),
        projectIngresses,
        bindingsByNamespace,
        rolesByNamespace,
        boundClusterRoles(bindingsByNamespace),
        veleroState(project, baseline),
        peers,
        foreignHosts(project, projectIngresses),
        workloads(List.copyOf(present.keySet()), fresh),
        platform(baseline, now),
        now);
  }

  private Workloads workloads(List<String> namespaces, FreshWrites fresh) {
    return new Workloads(
        namespaces.stream().flatMap(ns -> InNamespace.of(volumeClaims, ns)).toList(),
        images.in(namespaces),
        scanner.state(namespaces),
        namespaces.stream()
            .flatMap(
                ns ->
                    fresh
                        .over(InNamespace.of(quotas, ns).toList(), ResourceQuota.class, ns)
                        .stream())
            .toList(),
        namespaces.stream()
            .flatMap(
                ns ->
                    fresh
                        .over(InNamespace.of(limitRanges, ns).toList(), LimitRange.class, ns)
                        .stream())
            .toList());
  }

  private PlatformFacts platform(SecurityBaseline baseline, Instant now) {
    PlatformProbe.Reading reading =
        probe.read(
            baseline.getSpec().attestationsOrEmpty().stream()
                .map(Attestation::verifiedBy)
                .filter(Objects::nonNull)
                .distinct()
                .toList(),
            now);
    List<StorageClass> classes = storageClasses.list().toList();
    return new PlatformFacts(
        reading.serverMinor(),
        reading.serverVersionUnknown(),
        trusted(reading.workloads()),
        classes.stream().map(c -> c.getMetadata().getName()).collect(Collectors.toSet()),
        defaultClass(classes));
  }

  /**
   * A workload in a namespace a project holds proves nothing of the platform: the project's members
   * could have put it there.
   */
  private Map<WorkloadReference, Finding> trusted(Map<WorkloadReference, Finding> read) {
    Map<WorkloadReference, Finding> trusted = new LinkedHashMap<>();
    read.forEach(
        (workload, finding) ->
            trusted.put(
                workload,
                namespace(workload.namespace())
                    .map(ns -> Names.label(ns, Names.PROJECT_LABEL))
                    .map(
                        holder ->
                            Finding.notMet(
                                "WorkloadInProjectNamespace",
                                workload
                                    + " runs in a namespace project "
                                    + holder
                                    + " holds, whose members could have put it there; the"
                                    + " platform team runs it in a namespace of its own."))
                    .orElse(finding)));
    return trusted;
  }

  /**
   * The class a claim that names none gets: with several defaults, the API server picks the newest.
   */
  private static Optional<String> defaultClass(List<StorageClass> classes) {
    return classes.stream()
        .filter(
            c ->
                DEFAULT_CLASS_ANNOTATIONS.stream()
                    .anyMatch(
                        key ->
                            c.getMetadata().getAnnotations() != null
                                && "true".equals(c.getMetadata().getAnnotations().get(key))))
        .max(
            Comparator.comparing(
                    (StorageClass c) ->
                        Objects.requireNonNullElse(c.getMetadata().getCreationTimestamp(), ""))
                .thenComparing(c -> c.getMetadata().getName()))
        .map(c -> c.getMetadata().getName());
  }

  /**
   * The other projects that the project's exposures and egress name and trust, by name: one that
   * does not exist is left out, and so is one created again under a trusted name with another UID,
   * so that no rule admits a project created later under its name.
   */
  public Map<String, ResearchProject> peers(ResearchProject project) {
    Map<String, ResearchProject> peers = new LinkedHashMap<>();
    project
        .peerNames()
        .forEach(
            name ->
                projects
                    .get(new ResourceID(name))
                    .filter(peer -> sameAsTrusted(project, name, peer))
                    .ifPresent(peer -> peers.put(name, peer)));
    return peers;
  }

  /** A peer first named is trusted as it is; after that, only under the UID it had then. */
  private static boolean sameAsTrusted(ResearchProject project, String name, ResearchProject peer) {
    return project
        .pinnedPeer(name)
        .map(pin -> pin.uid().equals(peer.getMetadata().getUid()))
        .orElse(true);
  }

  /**
   * The project that keeps an Ingress host overlapping this one: the one whose status holds it,
   * else the one created first. Hosts stay with the project that applied them, whatever the
   * creation order, so that a project never loses a host it routes to a newer claim.
   */
  public Optional<String> hostHolder(ResearchProject claimant, String host) {
    return overlapping(host)
        .filter(other -> !other.getMetadata().getName().equals(claimant.getMetadata().getName()))
        .filter(other -> keepsBefore(other, claimant, host))
        .map(other -> other.getMetadata().getName())
        .sorted()
        .findFirst();
  }

  /** The projects that declare a host overlapping this one. */
  private Stream<ResearchProject> overlapping(String host) {
    return HostPattern.lookupKeys(host).stream()
        .flatMap(key -> projects.byIndex(BY_HOST, key).stream())
        .distinct()
        .filter(other -> other.ingressHosts().stream().anyMatch(h -> HostPattern.overlap(h, host)));
  }

  /** The hosts the Ingresses route without the project declaring them, that others hold. */
  private Map<String, String> foreignHosts(ResearchProject project, List<Ingress> routing) {
    Map<String, String> foreign = new LinkedHashMap<>();
    routing.stream()
        .flatMap(ingress -> HostPattern.routedBy(ingress).stream())
        .filter(host -> !HostPattern.ANY_HOST.equals(host))
        .filter(host -> project.ingressHosts().stream().noneMatch(d -> HostPattern.covers(d, host)))
        .distinct()
        .forEach(host -> hostHolder(project, host).ifPresent(holder -> foreign.put(host, holder)));
    return foreign;
  }

  private static boolean keepsBefore(ResearchProject other, ResearchProject claimant, String host) {
    boolean otherHolds = holdsHost(other, host);
    if (otherHolds != holdsHost(claimant, host)) {
      return otherHolds;
    }
    // Between two claims that hold nothing yet, one the operator refused keeps no host from the
    // other: a project kept invalid on purpose cannot squat. A failed write is no refusal.
    if (!otherHolds && refused(other)) {
      return false;
    }
    Comparator<ResearchProject> byAge =
        Comparator.comparing(
                (ResearchProject p) ->
                    Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), "~"))
            .thenComparing(p -> p.getMetadata().getName());
    return byAge.compare(other, claimant) < 0;
  }

  private static boolean refused(ResearchProject project) {
    return project.getStatus() != null
        && project.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    "Ready".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && !"ReconcileFailed".equals(c.getReason()));
  }

  private static boolean holdsHost(ResearchProject project, String host) {
    return project.getStatus() != null
        && project.getStatus().getIngressHosts().stream()
            .anyMatch(h -> HostPattern.overlap(h, host));
  }

  private Set<ResourceID> neighboursOf(ResearchProject changed) {
    Set<ResourceID> touched = new HashSet<>();
    String name = changed.getMetadata().getName();
    projects.byIndex(BY_PEER, name).forEach(p -> touched.add(ResourceID.fromResource(p)));
    if (changed.getSpec() != null) {
      changed.peerNames().forEach(peer -> touched.add(new ResourceID(peer)));
      changed.ingressHosts().stream()
          .flatMap(this::overlapping)
          .forEach(p -> touched.add(ResourceID.fromResource(p)));
    }
    touched.remove(new ResourceID(name));
    return touched;
  }

  /** The ClusterRoles that the project's bindings name: all that a control needs to judge them. */
  private Map<String, ClusterRole> boundClusterRoles(Map<String, List<RoleBinding>> bindings) {
    Map<String, ClusterRole> bound = new LinkedHashMap<>();
    bindings.values().stream()
        .flatMap(List::stream)
        .filter(b -> "ClusterRole".equals(b.getRoleRef().getKind()))
        .map(b -> b.getRoleRef().getName())
        .distinct()
        .forEach(name -> clusterRole(name).ifPresent(role -> bound.put(name, role)));
    return bound;
  }

  private <R extends HasMetadata> InformerEventSource<R, ResearchProject> namespaced(
      Class<R> type, EventSourceContext<ResearchProject> context) {
    return namespaced(type, context, null);
  }

  static Set<ResourceID> everyProject(EventSourceContext<ResearchProject> context) {
    return context
        .getPrimaryCache()
        .list()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  private static Object hard(ResourceQuota quota) {
    return quota.getStatus() == null ? null : quota.getStatus().getHard();
  }

  /** The project whose namespace holds the object, if any. */
  private Set<ResourceID> projectOfNamespaced(HasMetadata object) {
    return namespace(object.getMetadata().getNamespace())
        .flatMap(ClusterView::projectOf)
        .map(Set::of)
        .orElse(Set.<ResourceID>of());
  }

  private <R extends HasMetadata> InformerEventSource<R, ResearchProject> namespaced(
      Class<R> type, EventSourceContext<ResearchProject> context, ItemStore<R> store) {
    return namespaced(type, context, store, null);
  }

  /**
   * @param relevant which updates reach the project, when most do not (a Pod's status changes
   *     often; its images seldom); null for all
   */
  <R extends HasMetadata> InformerEventSource<R, ResearchProject> namespaced(
      Class<R> type,
      EventSourceContext<ResearchProject> context,
      ItemStore<R> store,
      OnUpdateFilter<R> relevant) {
    var configuration =
        InformerEventSourceConfiguration.from(type, ResearchProject.class)
            .withSecondaryToPrimaryMapper((R object) -> projectOfNamespaced(object));
    if (store != null) {
      configuration.withItemStore(store);
    }
    if (relevant != null) {
      configuration.withOnUpdateFilter(relevant);
    }
    return new InformerEventSource<>(configuration.build(), context);
  }

  /** A cache that keeps of each object its name, labels and the fields given, nothing else. */
  public static <R extends HasMetadata> ItemStore<R> reduced(Class<R> type, String... fields) {
    String[] kept = new String[fields.length + 1];
    kept[0] = "metadata.labels";
    System.arraycopy(fields, 0, kept, 1, fields.length);
    return new ReducedStateItemStore<>(
        ReducedStateItemStore.NAME_KEY_STATE, type, new KubernetesSerialization(), kept);
  }

  private Set<ResourceID> projectsBinding(ClusterRole role) {
    Set<ResourceID> touched = projectsNamedBy(role);
    roleBindings.byIndex(BY_CLUSTER_ROLE, role.getMetadata().getName()).stream()
        .map(binding -> namespace(binding.getMetadata().getNamespace()))
        .flatMap(Optional::stream)
        .map(ClusterView::projectOf)
        .flatMap(Optional::stream)
        .forEach(touched::add);
    return touched;
  }

  private static Optional<ResourceID> projectOf(HasMetadata object) {
    return Optional.ofNullable(Names.label(object, Names.PROJECT_LABEL)).map(ResourceID::new);
  }
}
