package org.researchclouds.operator.write;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.resources.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every change the operator makes, for investigations: one structured log line per object
 * at once, and, when the reconcile ends, one Kubernetes Event on the project that names every
 * change ({@code kubectl describe researchproject NAME}). An Event is named after what it says, so
 * the same drift repaired again records no second one while the first lives, or until the operator
 * restarts.
 */
public final class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  /**
   * The one namespace an Event about a cluster-scoped object may live in, as these Events are
   * written (without an eventTime): the API server refuses it anywhere else.
   */
  private static final String EVENT_NAMESPACE = "default";

  /** Well within what the API server keeps of a message: a longer list takes several Events. */
  private static final int MAX_MESSAGE = 1000;

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, List<Change>> pending = new ConcurrentHashMap<>();
  // Names no one else can foresee: an Event created ahead under the name would hide the record.
  private final String salt = UUID.randomUUID().toString();

  private record Change(String action, HasMetadata object, String why) {}

  public AuditTrail(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A change to an object; {@code action} is a CamelCase verb such as Created. */
  public void changed(ResearchProject project, String action, HasMetadata object, String why) {
    log.info(
        "action={} kind={} object={} why=\"{}\"",
        action,
        object.getKind(),
        qualifiedName(object),
        why);
    pending
        .computeIfAbsent(project.getMetadata().getUid(), uid -> new ArrayList<>())
        .add(new Change(action, object, why));
  }

  /** A warning about the project that changed nothing, such as a conflict. */
  public void warned(ResearchProject project, String reason, String message) {
    log.warn("reason={} message=\"{}\"", reason, message);
    create(event(EVENT_NAMESPACE, reference(project), reason, "Warning", message));
  }

  /** A change of the project's standing that the operator did not make, such as a waiver. */
  public void noted(ResearchProject project, String reason, String message) {
    log.info("reason={} message=\"{}\"", reason, message);
    create(event(EVENT_NAMESPACE, reference(project), reason, "Normal", message));
  }

  /** Records the Event of the changes made for the project since the last call. */
  public void flush(ResearchProject project) {
    List<Change> changes = pending.remove(project.getMetadata().getUid());
    if (changes == null || changes.isEmpty()) {
      return;
    }
    describe(changes)
        .forEach(
            message ->
                create(
                    event(
                        EVENT_NAMESPACE, reference(project), reason(changes), "Normal", message)));
  }

  /** The one action of all changes, or that there were several. */
  private static String reason(List<Change> changes) {
    List<String> actions = changes.stream().map(Change::action).distinct().toList();
    return actions.size() == 1 ? actions.get(0) : "GuardRailsChanged";
  }

  /**
   * Each action with why, then the objects it touched: "Created (part of …): Namespace lab, …", in
   * as many messages as it takes to name every object.
   */
  private static List<String> describe(List<Change> changes) {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    for (Change change : changes) {
      objects
          .computeIfAbsent(change.action() + " (" + change.why() + ")", k -> new ArrayList<>())
          .add(change.object().getKind() + " " + qualifiedName(change.object()));
    }
    List<String> messages = new ArrayList<>();
    StringBuilder message = new StringBuilder();
    for (Map.Entry<String, List<String>> group : objects.entrySet()) {
      String header = (message.length() > 0 ? "; " : "") + group.getKey() + ": ";
      message.append(header);
      String separator = "";
      for (String object : group.getValue()) {
        if (message.length() + separator.length() + object.length() + 1 > MAX_MESSAGE
            && !separator.isEmpty()) {
          messages.add(message.append(".").toString());
          message = new StringBuilder(group.getKey()).append(": ");
          separator = "";
        }
        message.append(separator).append(object);
        separator = ", ";
      }
    }
    messages.add(message.append(".").toString());
    return messages;
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
        .withName(
            involved.getName() + "." + Names.hash(salt + involved.getUid() + reason + message))
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
      events(event).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        // The log lines hold the record; a lost Event must not undo the change.
        log.warn("could not record Event {}: {}", event.getReason(), e.getMessage());
      } else if (!sameRecord(events(event).withName(event.getMetadata().getName()).get(), event)) {
        // Someone created an Event under the name first: the record goes under another.
        log.warn(
            "an Event named {} says something else; recording under another name",
            event.getMetadata().getName());
        event.getMetadata().setName(event.getMetadata().getName() + "." + UUID.randomUUID());
        create(event);
      }
    }
  }

  /** The same Event still lives: the repeat says nothing new. */
  private static boolean sameRecord(Event existing, Event event) {
    return existing != null
        && Names.MANAGER.equals(existing.getReportingComponent())
        && event.getReason().equals(existing.getReason())
        && event.getMessage().equals(existing.getMessage())
        && event.getInvolvedObject().equals(existing.getInvolvedObject());
  }

  private NonNamespaceOperation<Event, EventList, Resource<Event>> events(Event event) {
    return client.v1().events().inNamespace(event.getMetadata().getNamespace());
  }

  private static String qualifiedName(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null
        ? object.getMetadata().getName()
        : namespace + "/" + object.getMetadata().getName();
  }
}
