package org.researchclouds.operator;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One request to the API server, read as RBAC reads it: verb, API group, resource (with its
 * subresource), namespace and name.
 */
public record ApiRequest(
    String verb, String group, String resource, String namespace, String name, String path) {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** The request for a resource path; empty for non-resource paths such as /version. */
  public static Optional<ApiRequest> of(String method, URI uri) {
    List<String> segments =
        Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
    int start;
    String group;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      start = 2;
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      start = 3;
    } else {
      return Optional.empty();
    }
    List<String> rest = segments.subList(start, segments.size());
    String namespace = null;
    if (rest.get(0).equals("namespaces")
        && rest.size() >= 3
        && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
    String name = rest.size() > 1 ? rest.get(1) : null;
    return Optional.of(
        new ApiRequest(
            verb(method, name, uri.getQuery()), group, resource, namespace, name, uri.getPath()));
  }

  private static String verb(String method, String name, String query) {
    return switch (method) {
      case "GET" ->
          name != null ? "get" : query != null && query.contains("watch=true") ? "watch" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name != null ? "delete" : "deletecollection";
      default -> method.toLowerCase();
    };
  }
}
