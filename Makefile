# The two commands: `make run` serves the control panel on http://localhost:8080 with the
# embedded local setup; `make test` runs every test against the real services.
SHELL := /bin/bash
MVNW := ./mvnw -B --no-transfer-progress
WITH_SERVICES := set -a && . build/services/env && set +a &&

.PHONY: run test stop services build clean screenshots

# LOCAL_CLUSTER=1 builds (once per machine, about 10 minutes) and starts the real local
# Kubernetes control plane for `make run`; `make test` always does.
services:
	PLATFORM_REGISTRY=1 PLATFORM_LOCAL_CLUSTER=$(LOCAL_CLUSTER) scripts/services.sh start

test: LOCAL_CLUSTER = 1
test: services
	scripts/services.sh browser
	$(WITH_SERVICES) $(MVNW) verify

# The user guide's pictures (docs/images/*.png), taken by the browser tests on the way through
# the journeys they check: regenerate them after changing a page.
screenshots: services
	scripts/services.sh browser
	$(WITH_SERVICES) $(MVNW) -q -pl platform-api -am verify -Dimage.skip -Dtest=none \
	  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dchart-rbac.its=NoChartRbacIT \
	  -Dit.test='*BrowserIT' -Dplatform.screenshots=$(CURDIR)/docs/images

run: services
	$(WITH_SERVICES) scripts/run-local.sh

build:
	$(MVNW) -DskipTests package

stop:
	scripts/services.sh stop

clean: stop
	$(MVNW) -q clean
	rm -rf build
