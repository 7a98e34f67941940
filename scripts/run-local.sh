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
  ./mvnw -B --no-transfer-progress -q -DskipTests -Dimage.skip package
fi

export PLATFORM_DB_URL="jdbc:postgresql://127.0.0.1:${PLATFORM_PG_PORT}/platform"
export PLATFORM_DB_USERNAME=platform_app PLATFORM_DB_PASSWORD=platform_app
export PLATFORM_DB_OWNER_USERNAME=platform_owner PLATFORM_DB_OWNER_PASSWORD=platform_owner
export PLATFORM_AWS_ENDPOINT

# Kubernetes: the cluster of KUBECONFIG when given, else the local cluster when it was built
# (services.sh started it), else the in-JVM simulator in which no real pods run.
if [ -n "${KUBECONFIG:-}" ]; then
  export PLATFORM_KUBERNETES_KUBECONFIG="${KUBECONFIG%%:*}"
  kubernetes="the cluster of KUBECONFIG ($PLATFORM_KUBERNETES_KUBECONFIG)"
elif [ -n "${PLATFORM_KUBECONFIG:-}" ]; then
  export PLATFORM_KUBERNETES_KUBECONFIG="$PLATFORM_KUBECONFIG"
  kubernetes="the local cluster (kubeconfig $PLATFORM_KUBECONFIG)"
else
  export PLATFORM_KUBERNETES_SIMULATOR=true
  kubernetes="in-JVM SIMULATOR, no real pods run ('make run LOCAL_CLUSTER=1' for a real local cluster)"
fi

# The first platform admin, created only while the database has no users at all; the password
# is made once per checkout and must be changed at first sign-in.
admin_password_file=build/services/bootstrap-admin.password
[ -s "$admin_password_file" ] || python3 -c 'import secrets; print(secrets.token_urlsafe(15))' >"$admin_password_file"
export PLATFORM_BOOTSTRAP_ADMIN_USERNAME="${PLATFORM_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export PLATFORM_BOOTSTRAP_ADMIN_PASSWORD="${PLATFORM_BOOTSTRAP_ADMIN_PASSWORD:-$(cat "$admin_password_file")}"

cat <<BANNER

  Analytical Platform - LOCAL SETUP (not for real data)
  Control panel:  http://localhost:8080/
  API docs:       http://localhost:8080/swagger-ui.html
  Health:         http://localhost:8081/actuator/health (metrics: http://localhost:8081/actuator/prometheus)
  Services:       PostgreSQL 127.0.0.1:${PLATFORM_PG_PORT}, AWS emulator ${PLATFORM_AWS_ENDPOINT}
  Kubernetes:     ${kubernetes}

  Sign in as '${PLATFORM_BOOTSTRAP_ADMIN_USERNAME}' with password '${PLATFORM_BOOTSTRAP_ADMIN_PASSWORD}'
  (first sign-in only: you then set up an authenticator app and choose a new password).
  Stop with Ctrl-C; 'make stop' stops the services too.

BANNER
exec java -jar "$jar" --spring.profiles.active=local
