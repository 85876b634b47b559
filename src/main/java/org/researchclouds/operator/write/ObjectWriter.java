package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Optional;
import org.researchclouds.operator.api.ResearchProject;

/**
 * Creates or updates one owned object, and writes nothing when it is already as desired. Each write
 * goes to the informer cache at once (so the next read sees it and its own event triggers no
 * reconcile) and to the audit trail.
 */
final class ObjectWriter {
  private final KubernetesClient client;
  private final AuditTrail trail;

  ObjectWriter(KubernetesClient client, AuditTrail trail) {
    this.client = client;
    this.trail = trail;
  }

  <R extends HasMetadata> R apply(
      ResearchProject project,
      OwnedKind<R> kind,
      R desired,
      Optional<R> actual,
      InformerEventSource<R, ResearchProject> cache) {
    if (actual.isEmpty()) {
      return create(project, kind, desired, cache);
    }
    if (kind.upToDate(desired, actual.get())) {
      return actual.get();
    }
    if (kind.mustReplace(desired, actual.get())) {
      delete(project, actual.get(), "Replaced", "its fixed fields differed from what is required");
      return create(project, kind, desired, cache);
    }
    R updated = client.resource(kind.merged(desired, actual.get())).update();
    cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, actual.get());
    trail.changed(project, "Updated", updated, "restored to what the project and baseline require");
    return updated;
  }

  private <R extends HasMetadata> R create(
      ResearchProject project,
      OwnedKind<R> kind,
      R desired,
      InformerEventSource<R, ResearchProject> cache) {
    return create(
        project, kind.forCreate(desired), cache, "Created", "part of the project's guard rails");
  }

  /** Creates an object, such as a backup or a drill the operator starts, and primes its cache. */
  <R extends HasMetadata> R create(
      ResearchProject project,
      R object,
      InformerEventSource<R, ResearchProject> cache,
      String action,
      String why) {
    R created = client.resource(object).create();
    cache.handleRecentResourceCreate(ResourceID.fromResource(created), created);
    trail.changed(project, action, created, why);
    return created;
  }

  <R extends HasMetadata> void delete(
      ResearchProject project, R actual, String action, String why) {
    client.resource(actual).delete();
    trail.changed(project, action, actual, why);
  }

  /**
   * Writes {@code changed}, made from the cached copy it replaces, and primes the cache with the
   * result.
   */
  <R extends HasMetadata> R update(
      ResearchProject project,
      R changed,
      InformerEventSource<R, ResearchProject> cache,
      String action,
      String why) {
    R updated = client.resource(changed).update();
    cache.handleRecentResourceUpdate(ResourceID.fromResource(updated), updated, changed);
    trail.changed(project, action, updated, why);
    return updated;
  }
}
