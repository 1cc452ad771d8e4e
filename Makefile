# Multibot: the same commands CI runs. `make help` lists them.
MVNW := ./mvnw -B --no-transfer-progress

.DEFAULT_GOAL := help
# The cycle run's default: a rate the machine sustains, so the gate fails on errors, not on saturation
# (docs/performance.md; raise --rates to find where it saturates).
PERF_CYCLE_OPTIONS ?= --bots 100 --simulators 2 --rates 10 --step PT10S

.PHONY: help run stop logs test unit it lint format services perf k8s openapi clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: ## Build and run both servers and the console (Ctrl-C stops both); DEMO=1 adds four simulated bots
	MULTIBOT_DEMO=$(DEMO) scripts/run-local.sh

stop: ## Stop servers (and the private Redis) left running by an interrupted `make run`
	scripts/run-local.sh stop

logs: ## Follow both servers' logs (`make run` keeps them in files)
	scripts/run-local.sh logs

test: ## The full pipeline: format/lint, unit, integration tests on Liberty, coverage gate
	$(MVNW) clean verify

unit: ## Format/lint checks and unit tests only (no servers, no Redis needed)
	$(MVNW) verify -DskipITs

it: ## Integration tests only (servers on Liberty, Redis, Derby and PostgreSQL)
	$(MVNW) verify -Dlint.skip=true -DskipUTs=true

lint: ## Spotless, Checkstyle, PMD CPD and SpotBugs/FindSecBugs, without tests
	$(MVNW) verify -DskipTests

format: ## Reformat Java and POMs with google-java-format (spotless:apply)
	$(MVNW) spotless:apply

services: ## Make sure Redis, PostgreSQL and npm are there locally (installs them with apt if needed)
	scripts/ensure-services.sh

perf: ## Load run, then the command-cycle run (PERF_CYCLE_OPTIONS sizes it): percentiles in performance-tests/target/report
	PERF_CYCLE_OPTIONS="$(PERF_CYCLE_OPTIONS)" scripts/performance.sh --users 10 --duration PT60S --report performance-tests/target/report

k8s: ## Regenerate deployment/k8s/ from the Helm chart (after changing the chart)
	$(MVNW) -q install -DskipTests -Dlint.skip=true
	$(MVNW) -pl delivery test -Dtest=PlainManifestsTest -Dk8s.write=true

openapi: ## Refresh docs/openapi/management-api.json from the document a test server serves
	$(MVNW) -q install -DskipTests -Dlint.skip=true
	$(MVNW) -pl management-server verify -Dlint.skip=true -DskipUTs=true -Djacoco.skip=true \
	  -Dit.test=OpenApiDocumentIT -DtestFailureIgnore=true
	cp management-server/target/openapi/management-api.json docs/openapi/management-api.json

clean: ## Remove build output (keeps ./data, the local Derby database)
	$(MVNW) -q clean
