package org.researchclouds.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.researchclouds.operator.chart.AdmissionPolicy;
import org.researchclouds.operator.chart.AdmissionPolicy.Request;

/**
 * Records the operator's writes of the kinds the chart's ValidatingAdmissionPolicy governs, as the
 * API server would hand them to it: the object sent, the object it replaces or deletes, and its
 * namespace, read just before the write. {@link #assertAdmitted} then evaluates the policy on each,
 * and the API server's own rule for where an Event may live, which comes before admission.
 */
final class AdmissionRecorder {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final Map<String, String> KINDS =
      Map.of(
          "namespaces", "v1/Namespace",
          "networkpolicies", "networking.k8s.io/v1/NetworkPolicy",
          "rolebindings", "rbac.authorization.k8s.io/v1/RoleBinding",
          "clusterroles", "rbac.authorization.k8s.io/v1/ClusterRole",
          "clusterrolebindings", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
          "schedules", "velero.io/v1/Schedule",
          "backups", "velero.io/v1/Backup",
          "restores", "velero.io/v1/Restore",
          "researchprojects", "researchclouds.org/v1alpha1/ResearchProject",
          "events", "v1/Event");
  private static final Map<String, String> OPERATIONS =
      Map.of("POST", "CREATE", "PUT", "UPDATE", "DELETE", "DELETE");

  private final KubernetesClient reader;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> invalid = new CopyOnWriteArrayList<>();

  AdmissionRecorder(KubernetesClient reader) {
    this.reader = reader;
  }

  void record(String method, ApiRequest request, String body) {
    String operation = OPERATIONS.get(method);
    String kind = KINDS.get(request.resource());
    if (operation == null || kind == null) {
      return;
    }
    String name = request.name();
    Map<String, Object> object =
        operation.equals("DELETE") ? null : SERIALIZATION.unmarshal(body, Map.class);
    if (operation.equals("CREATE") && request.resource().equals("events")) {
      EventRules.refusal(object, request.namespace()).ifPresent(invalid::add);
    }
    if (name == null && object != null) {
      name = (String) ((Map<?, ?>) object.get("metadata")).get("name");
    }
    Map<String, Object> old =
        operation.equals("CREATE") ? null : read(kind, request.namespace(), name);
    Map<String, Object> namespace =
        request.namespace() == null ? null : read("v1/Namespace", null, request.namespace());
    requests.add(
        new Request(
            operation,
            request.group(),
            request.resource(),
            object,
            old,
            namespace,
            AdmissionPolicy.operatorUser(),
            List.of("system:serviceaccounts")));
  }

  void assertAdmitted() {
    if (!invalid.isEmpty()) {
      throw new AssertionError("the API server would refuse the operator " + invalid);
    }
    AdmissionPolicy policy = AdmissionPolicy.ofDefaultValues();
    List<String> denied =
        requests.stream()
            .filter(r -> !policy.denials(r).isEmpty())
            .map(r -> r.operation() + " " + r.resource() + " " + name(r) + ": " + policy.denials(r))
            .toList();
    if (!denied.isEmpty()) {
      throw new AssertionError("the chart's admission policy would deny the operator " + denied);
    }
  }

  private static String name(Request request) {
    Map<String, Object> object = request.object() != null ? request.object() : request.oldObject();
    return object == null ? "?" : String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String kind, String namespace, String name) {
    int slash = kind.lastIndexOf('/');
    var resources =
        reader.genericKubernetesResources(kind.substring(0, slash), kind.substring(slash + 1));
    GenericKubernetesResource found =
        namespace == null
            ? resources.withName(name).get()
            : resources.inNamespace(namespace).withName(name).get();
    return found == null ? null : SERIALIZATION.convertValue(found, Map.class);
  }
}
