# The front door: `make help` lists the targets.
MVN ?= mvn -B -q
# The tests' summary lines are the record of a run: no -q there.
MVN_TEST ?= mvn -B --no-transfer-progress
JAR := target/researchproject-operator-0.1.0-SNAPSHOT.jar

.DEFAULT_GOAL := help
.PHONY: help run test build crds bench format

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

run: build ## Run the operator on the kubeconfig's cluster; without one, on an in-memory API server with examples/
	java -jar $(JAR) run --when-unreachable=inMemory

test: ## Run every test: unit, CRD drift, and integration against the mock API server
	$(MVN_TEST) verify

build: ## Compile, generate the CRDs and package the operator (no tests)
	$(MVN) package -DskipTests

format: ## Format the code with google-java-format
	$(MVN) spotless:apply

crds: ## Regenerate crds/ from the Java API model
	$(MVN) process-classes
	mkdir -p crds
	cp target/classes/META-INF/fabric8/researchprojects.researchclouds.org-v1.yml crds/researchprojects.researchclouds.org.yaml
	cp target/classes/META-INF/fabric8/securitybaselines.researchclouds.org-v1.yml crds/securitybaselines.researchclouds.org.yaml

BENCH_PROJECTS ?= 200
bench: ## Print scale figures: N projects to Ready, writes, idle writes, heap (on the mock API server)
	$(MVN) test-compile
	$(MVN) exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.researchclouds.operator.bench.ScaleBenchmark -Dexec.args=$(BENCH_PROJECTS)
