# The two commands: `make run` serves the control panel on http://localhost:8080 with the
# embedded local setup; `make test` runs every test against the real services.
SHELL := /bin/bash
MVNW := ./mvnw -B --no-transfer-progress
WITH_SERVICES := set -a && . build/services/env && set +a &&

.PHONY: run test stop services build clean

services:
	scripts/services.sh start

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
