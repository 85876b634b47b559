package org.researchclouds.operator.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.researchclouds.operator.Fixtures;
import org.researchclouds.operator.UpstreamSchemas;
import org.researchclouds.operator.api.Member;
import org.researchclouds.operator.api.MemberKind;
import org.researchclouds.operator.api.ProjectRole;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;
import org.researchclouds.operator.resources.BackupScheduleDesired;
import org.researchclouds.operator.resources.NamespaceDesired;
import org.researchclouds.operator.resources.NetworkPolicyDesired;
import org.researchclouds.operator.resources.RoleBindingDesired;
import org.researchclouds.operator.resources.SelfServiceDesired;
import org.researchclouds.operator.velero.VeleroSchedule;

/**
 * Each kind the operator keeps in place, stored as a real API server stores it (its schema's
 * defaults, its defaulting in code, the metadata of a stored object) and as Velero's controller
 * leaves a Schedule: the operator must take each for what it wrote, or it would write on every
 * resync and fight the server forever.
 */
class ServerDefaultsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String CORE = "api__v1_openapi.json";
  private static final String NETWORKING = "apis__networking.k8s.io__v1_openapi.json";
  private static final String RBAC = "apis__rbac.authorization.k8s.io__v1_openapi.json";

  private final ResearchProject project =
      Fixtures.with(
          Fixtures.project("genomics-lab", "genomics-lab", "genomics-lab-web"),
          "members",
          List.of(
              new Member(MemberKind.User, "pi@example.org", null, ProjectRole.maintainer),
              new Member(MemberKind.Group, "students", null, ProjectRole.viewer),
              new Member(
                  MemberKind.ServiceAccount, "pipeline", "genomics-lab", ProjectRole.developer)));
  private final SecurityBaseline baseline = Fixtures.baseline();

  @Test
  void aStoredNamespaceIsUpToDate() {
    NamespaceKind kind = new NamespaceKind();
    Namespace desired = NamespaceDesired.desired(project, "genomics-lab", baseline);
    Namespace stored =
        stored(
            kind.forCreate(desired),
            Namespace.class,
            CORE,
            "io.k8s.api.core.v1.Namespace",
            ServerDefaults::namespace);

    assertThat(kind.upToDate(desired, stored)).isTrue();
  }

  @Test
  void everyStoredNetworkPolicyIsUpToDate() {
    List<NetworkPolicy> desired =
        NetworkPolicyDesired.desired(project, "genomics-lab", Fixtures.floors(project, baseline));
    assertThat(desired).hasSizeGreaterThanOrEqualTo(5);
    for (NetworkPolicy policy : desired) {
      NetworkPolicy stored =
          stored(
              policy,
              NetworkPolicy.class,
              NETWORKING,
              "io.k8s.api.networking.v1.NetworkPolicy",
              ServerDefaults::networkPolicy);

      assertThat(WhollyOwnedKind.NETWORK_POLICY.upToDate(policy, stored))
          .as("NetworkPolicy %s as stored", policy.getMetadata().getName())
          .isTrue();
    }
  }

  @Test
  void everyStoredBindingAndTheSelfServiceRoleAreUpToDate() {
    for (RoleBinding binding : RoleBindingDesired.desired(project, "genomics-lab")) {
      RoleBinding stored =
          stored(
              binding,
              RoleBinding.class,
              RBAC,
              "io.k8s.api.rbac.v1.RoleBinding",
              ServerDefaults::binding);
      assertThat(WhollyOwnedKind.ROLE_BINDING.upToDate(binding, stored))
          .as("RoleBinding %s as stored", binding.getMetadata().getName())
          .isTrue();
    }
    ClusterRole role =
        SelfServiceDesired.role(project, SelfServiceDesired.Access.EDIT).orElseThrow();
    assertThat(
            WhollyOwnedKind.CLUSTER_ROLE.upToDate(
                role,
                stored(role, ClusterRole.class, RBAC, "io.k8s.api.rbac.v1.ClusterRole", o -> {})))
        .isTrue();
    ClusterRoleBinding binding =
        SelfServiceDesired.binding(project, SelfServiceDesired.Access.EDIT).orElseThrow();
    assertThat(
            WhollyOwnedKind.CLUSTER_ROLE_BINDING.upToDate(
                binding,
                stored(
                    binding,
                    ClusterRoleBinding.class,
                    RBAC,
                    "io.k8s.api.rbac.v1.ClusterRoleBinding",
                    ServerDefaults::binding)))
        .isTrue();
  }

  @Test
  void aScheduleAsVeleroLeavesItIsUpToDate() {
    VeleroSchedule desired = BackupScheduleDesired.desired(project, baseline);
    ObjectNode node = SERIALIZATION.convertValue(desired, ObjectNode.class);
    JsonNode schema = UpstreamSchemas.crdOpenApiSchema("velero.io_schedules.yaml");
    ServerDefaults.applySchemaDefaults(node, schema, schema);
    ServerDefaults.veleroSchedule(node);
    ServerDefaults.storedMetadata(node, "researchproject-operator");

    assertThat(
            new VeleroScheduleKind()
                .upToDate(desired, SERIALIZATION.convertValue(node, VeleroSchedule.class)))
        .isTrue();
  }

  private static <R extends HasMetadata> R stored(
      R written, Class<R> type, String document, String schema, Consumer<ObjectNode> inCode) {
    ObjectNode node = SERIALIZATION.convertValue(written, ObjectNode.class);
    JsonNode openApi = UpstreamSchemas.kubernetesDocument(document);
    ServerDefaults.applySchemaDefaults(node, openApi.at("/components/schemas/" + schema), openApi);
    inCode.accept(node);
    ServerDefaults.storedMetadata(node, "researchproject-operator");
    return SERIALIZATION.convertValue(node, type);
  }
}
