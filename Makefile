# The two commands: `make run` serves the control panel on http://localhost:8080 with the
# embedded local setup; `make test` runs every test against the real services.
SHELL := /bin/bash
MVNW := ./mvnw -B --no-transfer-progress
WITH_SERVICES := set -a && . build/services/env && set +a &&

.PHONY: run test stop services build clean

# LOCAL_CLUSTER=1 builds (once per machine, about 10 minutes) and starts the real local
# Kubernetes control plane for `make run`; `make test` always does.
services:
	PLATFORM_LOCAL_CLUSTER=$(LOCAL_CLUSTER) scripts/services.sh start

test: LOCAL_CLUSTER = 1
test: services
	scripts/services.sh browser
	$(WITH_SERVICES) $(MVNW) verify

run: services
	$(WITH_SERVICES) scripts/run-local.sh

build:
	$(MVNW) -DskipTests package

stop:
	scripts/services.sh stop

clean: stop
	$(MVNW) -q clean
	rm -rf build
