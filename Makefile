# The front door: `make help` lists the targets.
MVN ?= mvn -B -q
# The tests' summary lines are the record of a run: no -q there.
MVN_TEST ?= mvn -B --no-transfer-progress
JAR := target/researchproject-operator-0.1.0-SNAPSHOT.jar

.DEFAULT_GOAL := help
.PHONY: help run test build sbom crds image helm-lint bench format

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: build ## Run the operator on the kubeconfig's cluster; without one, on an in-memory API server with examples/
	java -jar $(JAR) run --when-unreachable=inMemory

test: ## Run every test: unit, CRD drift, chart (real Helm), Argo CD health, integration on the mock API server
	$(MVN_TEST) verify

build: ## Compile, generate the CRDs and package the operator (no tests)
	$(MVN) package -DskipTests

sbom: build ## Write the operator's CycloneDX SBOM (runtime dependencies) to target/researchproject-operator-sbom.json
	@ls -l target/researchproject-operator-sbom.json

format: ## Format the code with google-java-format
	$(MVN) spotless:apply

CHART := helm/researchproject-operator
crds: ## Regenerate crds/ and the chart's copy from the Java API model
	$(MVN) process-test-classes
	for crd in researchprojects securitybaselines; do \
	  cp target/classes/META-INF/fabric8/$$crd.researchclouds.org-v1.yml crds/$$crd.researchclouds.org.yaml; \
	  cp crds/$$crd.researchclouds.org.yaml $(CHART)/crds/; \
	done

IMAGE ?= ghcr.io/researchclouds/researchproject-operator
TAG ?= 0.1.0
CONTAINER_TOOL ?= docker
image: ## Build the operator image as IMAGE:TAG (docker, or CONTAINER_TOOL=podman)
	$(CONTAINER_TOOL) build -t $(IMAGE):$(TAG) .

helm-lint: ## Lint the Helm chart and test its rendering with real Helm (helm-java: no helm binary needed)
	$(MVN_TEST) test -Dtest='org.researchclouds.operator.chart.*Test' -Dsurefire.failIfNoSpecifiedTests=false

# Sizes, comma-separated: two show whether the cost grows linearly. BENCH_PROJECTS=5000 for one.
BENCH_PROJECTS ?= 500,2000
# Unrelated Services of 10 KB each in the cluster, to measure what the operator caches of them.
BENCH_SERVICES ?= 0
# false skips the floor, for a size where only the operator's figures (its heap) are wanted.
BENCH_FLOOR ?= true
# Rounds of operator and floor at each size; the median ratio counts (a noisy machine).
BENCH_ROUNDS ?= 3
bench: ## Print scale figures: N projects to Ready against a plain client's floor, writes, idle writes, heap, start-up
	$(MVN) process-test-classes
	$(MVN) exec:java -Djava.util.logging.config.file=src/test/resources/logging.properties -Dexec.classpathScope=test -Dexec.mainClass=org.researchclouds.operator.bench.ScaleBenchmark -Dexec.args="$(BENCH_PROJECTS) $(BENCH_SERVICES) $(BENCH_FLOOR) $(BENCH_ROUNDS)"
