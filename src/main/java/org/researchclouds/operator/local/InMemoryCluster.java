package org.researchclouds.operator.local;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-memory Kubernetes API server to try the operator without a cluster: fabric8's CRUD mock
 * server (kubernetes-server-mock), which stores objects and serves watches, but runs no
 * controllers, admission or RBAC, and serves no discovery (kubectl cannot talk to it).
 */
public final class InMemoryCluster implements AutoCloseable {
  // Held: java.util.logging keeps only weak references to its loggers and would drop the level.
  private static final Logger SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private InMemoryCluster(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  /** Starts the server on a free local port, with our CRDs and the given objects in it. */
  public static InMemoryCluster start(List<HasMetadata> objects) {
    SERVER_LOG.setLevel(Level.WARNING); // not a line per request
    Map<ServerRequest, Queue<ServerResponse>> noExpectations = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            noExpectations,
            new KubernetesMixedDispatcher(noExpectations),
            false);
    server.init();
    InMemoryCluster cluster = new InMemoryCluster(server);
    ClusterSeed.installCrds(cluster.client);
    ClusterSeed.create(cluster.client, objects);
    return cluster;
  }

  public KubernetesClient client() {
    return client;
  }

  public String url() {
    return client.getConfiguration().getMasterUrl();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
