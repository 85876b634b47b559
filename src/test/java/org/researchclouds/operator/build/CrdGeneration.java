package org.researchclouds.operator.build;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchclouds.operator.api.ResearchProject;
import org.researchclouds.operator.api.SecurityBaseline;

/**
 * Generates our CRDs from the Java model, with fabric8's CRD generator, in the build's
 * process-test-classes phase (see pom.xml), into target/classes/META-INF/fabric8/; {@code make
 * crds} copies them to crds/. It runs the generator itself, rather than through its Maven plugin,
 * to keep printer columns in the order the class declares them: the generator sorts them by JSON
 * path, which puts Age first and Reason before Ready in {@code kubectl get}.
 */
public final class CrdGeneration {
  private static final List<Class<? extends CustomResource<?, ?>>> RESOURCES =
      List.of(ResearchProject.class, SecurityBaseline.class);
  private static final Map<String, Class<? extends CustomResource<?, ?>>> BY_CRD_NAME =
      RESOURCES.stream().collect(Collectors.toMap(HasMetadata::getFullResourceName, type -> type));

  private CrdGeneration() {}

  public static void main(String[] args) {
    File output = new File(args.length > 0 ? args[0] : "target/classes/META-INF/fabric8");
    if (!output.isDirectory() && !output.mkdirs()) {
      throw new IllegalStateException("cannot create " + output);
    }
    int generated =
        new CRDGenerator()
            .customResourceClasses(RESOURCES.toArray(Class[]::new))
            .forCRDVersions("v1")
            .withPostProcessor(
                new Chain(List.of(new DeclaredColumnOrder(), new SchemaExtensions(BY_CRD_NAME))))
            .inOutputDir(output)
            .generate();
    if (generated != RESOURCES.size()) {
      throw new IllegalStateException(
          "generated " + generated + " CRDs, expected " + RESOURCES.size());
    }
  }

  /** Runs post-processors in turn: the generator takes only one. */
  private record Chain(List<CRDPostProcessor> steps) implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      HasMetadata processed = crd;
      for (CRDPostProcessor step : steps) {
        processed = step.process(processed, crdSpecVersion);
      }
      return processed;
    }
  }

  /** Puts each CRD's printer columns back in the order of the class's annotations. */
  static final class DeclaredColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      Class<? extends CustomResource<?, ?>> type = BY_CRD_NAME.get(crd.getMetadata().getName());
      if (type != null && crd instanceof CustomResourceDefinition definition) {
        List<String> declared =
            Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
          if (version.getAdditionalPrinterColumns() != null) {
            version
                .getAdditionalPrinterColumns()
                .sort(
                    Comparator.comparingInt(
                        (CustomResourceColumnDefinition column) ->
                            declared.indexOf(column.getName())));
          }
        }
      }
      return crd;
    }
  }
}
