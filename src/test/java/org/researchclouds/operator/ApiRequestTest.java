package org.researchclouds.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests read as RBAC reads them, so that the chart's rules can be checked against them. */
class ApiRequestTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET    | /api/v1/namespaces?watch=true&resourceVersion=1     | watch  |                     | namespaces                   |         |",
        "GET    | /api/v1/namespaces/lab                               | get    |                     | namespaces                   |         | lab",
        "PUT    | /api/v1/namespaces/lab/status                        | update |                     | namespaces/status            |         | lab",
        "POST   | /api/v1/namespaces/default/events                    | create |                     | events                       | default |",
        "DELETE | /apis/networking.k8s.io/v1/namespaces/lab/networkpolicies/x | delete | networking.k8s.io | networkpolicies   | lab     | x",
        "PATCH  | /apis/researchclouds.org/v1alpha1/researchprojects/lab/status | patch | researchclouds.org | researchprojects/status |   | lab",
        "GET    | /apis/velero.io/v1/backups                            | list   | velero.io           | backups                      |         |"
      })
  void readsVerbGroupResourceNamespaceAndName(
      String method,
      String uri,
      String verb,
      String group,
      String resource,
      String namespace,
      String name) {
    ApiRequest request = ApiRequest.of(method, URI.create("https://api" + uri)).orElseThrow();

    assertThat(request.verb()).isEqualTo(verb);
    assertThat(request.group()).isEqualTo(group == null ? "" : group);
    assertThat(request.resource()).isEqualTo(resource);
    assertThat(request.namespace()).isEqualTo(namespace);
    assertThat(request.name()).isEqualTo(name);
  }
}
