package org.researchclouds.operator.dependents;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every change the operator makes, for investigations: one structured log line and one
 * Kubernetes Event on the project ({@code kubectl describe researchproject NAME}, for the
 * platform); a change in one of the project's namespaces also gets an Event on the changed object
 * there, where the project's members read it ({@code kubectl get events -n NAMESPACE}).
 */
public final class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  /** Events about cluster-scoped objects live in the default namespace, as kubectl expects. */
  private static final String EVENT_NAMESPACE = "default";

  private final KubernetesClient client;
  private final Clock clock;
  private final BiPredicate<ResearchProject, String> holdsNamespace;

  /**
   * @param holdsNamespace whether the project holds a namespace: only there do its members read
   *     Events, and a spec may list namespaces it was refused (Velero's, another team's)
   */
  public AuditTrail(
      KubernetesClient client, Clock clock, BiPredicate<ResearchProject, String> holdsNamespace) {
    this.client = client;
    this.clock = clock;
    this.holdsNamespace = holdsNamespace;
  }

  /** A change to an object; {@code action} is a CamelCase verb such as Created. */
  public void changed(ResearchProject project, String action, HasMetadata object, String why) {
    String target = object.getKind() + " " + qualifiedName(object);
    log.info(
        "action={} kind={} object={} why=\"{}\"",
        action,
        object.getKind(),
        qualifiedName(object),
        why);
    emit(project, action, "Normal", target + ": " + why);
    String namespace = object.getMetadata().getNamespace();
    if (namespace != null && holdsNamespace.test(project, namespace)) {
      create(
          event(
              namespace,
              reference(object),
              action,
              "Normal",
              "Project " + project.getMetadata().getName() + ": " + why));
    }
  }

  /** A warning about the project that changed nothing, such as a conflict. */
  public void warned(ResearchProject project, String reason, String message) {
    log.warn("reason={} message=\"{}\"", reason, message);
    emit(project, reason, "Warning", message);
  }

  private void emit(ResearchProject project, String reason, String type, String message) {
    create(event(EVENT_NAMESPACE, reference(project), reason, type, message));
  }

  private static ObjectReference reference(HasMetadata object) {
    return new ObjectReferenceBuilder()
        .withApiVersion(object.getApiVersion())
        .withKind(object.getKind())
        .withNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .withUid(object.getMetadata().getUid())
        .build();
  }

  private Event event(
      String namespace, ObjectReference involved, String reason, String type, String message) {
    String now = Instant.now(clock).toString();
    return new EventBuilder()
        .withNewMetadata()
        .withName(involved.getName() + "." + UUID.randomUUID().toString().substring(0, 13))
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(involved)
        .withReason(reason)
        .withType(type)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource(Names.MANAGER, null)
        .withReportingComponent(Names.MANAGER)
        .build();
  }

  private void create(Event event) {
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // The log line above already holds the record; a lost Event must not undo the change.
      log.warn("could not record Event {}: {}", event.getReason(), e.getMessage());
    }
  }

  private static String qualifiedName(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null
        ? object.getMetadata().getName()
        : namespace + "/" + object.getMetadata().getName();
  }
}
