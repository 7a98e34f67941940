#!/usr/bin/env bash
# Runs the control panel on http://localhost:8080 with the embedded local setup: the PostgreSQL
# cluster and moto server started by scripts/services.sh (make run starts them first).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
: "${PLATFORM_PG_PORT:?start the services first: scripts/services.sh start (make run does this)}"

jar=platform-api/target/platform-api.jar
newest_source=$(find pom.xml */pom.xml */src/main -newer "$jar" -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ -n "$newest_source" ]; then
  ./mvnw -B --no-transfer-progress -q -DskipTests package
fi

export PLATFORM_DB_URL="jdbc:postgresql://127.0.0.1:${PLATFORM_PG_PORT}/platform"
export PLATFORM_DB_USERNAME=platform_app PLATFORM_DB_PASSWORD=platform_app
export PLATFORM_DB_OWNER_USERNAME=platform_owner PLATFORM_DB_OWNER_PASSWORD=platform_owner
export PLATFORM_AWS_ENDPOINT

cat <<BANNER

  Analytical Platform - LOCAL SETUP (not for real data)
  Control panel:  http://localhost:8080/
  API docs:       http://localhost:8080/swagger-ui.html
  Health:         http://localhost:8080/actuator/health
  Services:       PostgreSQL 127.0.0.1:${PLATFORM_PG_PORT}, AWS emulator ${PLATFORM_AWS_ENDPOINT}
  Stop with Ctrl-C; 'make stop' stops the services too.

BANNER
exec java -jar "$jar" --spring.profiles.active=local
