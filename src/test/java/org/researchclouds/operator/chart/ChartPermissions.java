package org.researchclouds.operator.chart;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchclouds.operator.ApiRequest;

/**
 * What the chart's RBAC lets the operator's ServiceAccount do, with the default values: the
 * ClusterRole anywhere, each Role in its own namespace. The integration tests check every request
 * the operator made against it, so that the chart grants all the operator needs.
 */
public final class ChartPermissions {
  private final List<PolicyRule> clusterWide;
  private final Map<String, List<PolicyRule>> byNamespace;

  private ChartPermissions(
      List<PolicyRule> clusterWide, Map<String, List<PolicyRule>> byNamespace) {
    this.clusterWide = clusterWide;
    this.byNamespace = byNamespace;
  }

  private static ChartPermissions ofDefaultValues() {
    RenderedChart chart = RenderedChart.render(Map.of());
    Map<String, List<PolicyRule>> byNamespace = new HashMap<>();
    for (Role role : chart.ofKind("Role", Role.class)) {
      byNamespace
          .computeIfAbsent(role.getMetadata().getNamespace(), ns -> new ArrayList<>())
          .addAll(role.getRules());
    }
    return new ChartPermissions(
        chart.get("ClusterRole", RenderedChart.FULL_NAME, ClusterRole.class).getRules(),
        byNamespace);
  }

  /** Fails naming each request of {@code requests} that the chart's RBAC would refuse. */
  public static void assertAllowed(Collection<ApiRequest> requests) {
    List<ApiRequest> denied = ofDefaultValues().denied(requests);
    if (!denied.isEmpty()) {
      throw new AssertionError("the chart's RBAC would refuse the operator's requests " + denied);
    }
  }

  /** The requests the chart's RBAC would refuse, each once. */
  private List<ApiRequest> denied(Collection<ApiRequest> requests) {
    return requests.stream().filter(r -> !allowed(r)).distinct().toList();
  }

  private boolean allowed(ApiRequest request) {
    return clusterWide.stream().anyMatch(rule -> grants(rule, request))
        || (request.namespace() != null
            && byNamespace.getOrDefault(request.namespace(), List.of()).stream()
                .anyMatch(rule -> grants(rule, request)));
  }

  private static boolean grants(PolicyRule rule, ApiRequest request) {
    return rule.getApiGroups().contains(request.group())
        && rule.getResources().contains(request.resource())
        && rule.getVerbs().contains(request.verb())
        && (rule.getResourceNames() == null
            || rule.getResourceNames().isEmpty()
            || rule.getResourceNames().contains(request.name()));
  }
}
