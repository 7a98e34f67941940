#!/usr/bin/env bash
# Starts, stops and describes the real services the platform needs locally and in tests:
# a PostgreSQL cluster, two moto servers (AWS API emulators, one checking IAM), the local
# Kubernetes control plane (scripts/cluster.sh) with Helm (scripts/helm.sh) and, for browser
# tests, Chromium. Idempotent,
# loopback only, spare ports, state under build/services.
# The Kubernetes cluster starts when its binaries are built, or is built first (about 10
# minutes, once per machine) when PLATFORM_LOCAL_CLUSTER=1, as `make test` sets.
# Usage: scripts/services.sh start|stop|status|env|browser (browser: install Chromium for tests)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/build/services"
envfile="$state/env"
moto_version="5.2.5"
mkdir -p "$state"

log() { printf '[services] %s\n' "$*" >&2; }

spare_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_free() {
  ! python3 -c 'import socket,sys; s=socket.socket(); s.settimeout(0.5); sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1])))==0 else 1)' "$1"
}

# remembered_port NAME: the port used last time if it is still free or ours, else a new spare one
remembered_port() {
  local file="$state/$1.port"
  if [ ! -s "$file" ]; then spare_port >"$file"; fi
  cat "$file"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    log "installing PostgreSQL (Debian package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  dirname "$initdb"
}

# The cluster's data lives under build/services; where the postgres user cannot reach that
# folder (a checkout under /root, say) it lives under /tmp and build/services links to it.
pg_data_dir() {
  local wanted="$state/pgdata"
  if [ -L "$wanted" ]; then readlink -f "$wanted"; return; fi
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$state" 2>/dev/null; then
    echo "$wanted"; return
  fi
  local elsewhere
  elsewhere="/tmp/analytical-platform-pg-$(echo "$root" | md5sum | cut -c1-12)"
  ln -sfn "$elsewhere" "$wanted"
  echo "$elsewhere"
}

pg_start() {
  local bin data port secret
  bin=$(pg_bin)
  data=$(pg_data_dir)
  port=$(remembered_port postgres)
  secret="$state/postgres.password"
  [ -s "$secret" ] || python3 -c 'import secrets; print(secrets.token_urlsafe(18))' >"$secret"
  if [ ! -s "$data/PG_VERSION" ]; then
    log "creating PostgreSQL cluster in $data"
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    local pwfile
    pwfile=$(mktemp)
    cp "$secret" "$pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
    as_pg "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$state/initdb.log"
    rm -f "$pwfile"
  fi
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$port"
  else
    if ! port_free "$port"; then port=$(spare_port); echo "$port" >"$state/postgres.port"; fi
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$data' -c max_connections=300 -c shared_buffers=256MB -c fsync=on" >/dev/null
    log "PostgreSQL started on 127.0.0.1:$port"
  fi
  pg_roles "$bin" "$port" "$(cat "$secret")"
}

# The schema owner runs migrations; the application role gets only what migrations grant it.
# Throw-away databases of earlier test runs (t_*) are dropped.
pg_roles() {
  local bin=$1 port=$2 password=$3
  PGPASSWORD="$password" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL >/dev/null
SELECT 'CREATE ROLE platform_owner LOGIN PASSWORD ''platform_owner'' CREATEDB'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_owner') \gexec
SELECT 'CREATE ROLE platform_app LOGIN PASSWORD ''platform_app'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_app') \gexec
SELECT 'CREATE DATABASE platform OWNER platform_owner'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'platform') \gexec
SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database WHERE datname LIKE 't\_%' \gexec
SQL
}

pg_stop() {
  local data="$state/pgdata"
  [ -e "$data/PG_VERSION" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$(readlink -f "$data")" -m fast -w stop >/dev/null 2>&1 && log "PostgreSQL stopped" || true
}

# moto_start NAME [VAR=value...]: a moto server with that environment, state in NAME.pid/.port/.log
moto_start() {
  local name=$1; shift
  local venv="$root/build/venv" port pidfile="$state/$name.pid"
  local installed=""
  [ -x "$venv/bin/pip" ] && installed=$("$venv/bin/pip" show moto 2>/dev/null || true)
  if [ ! -x "$venv/bin/moto_server" ] || ! grep -qx "Version: $moto_version" <<<"$installed"; then
    log "installing moto[server]==$moto_version into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "moto[server]==$moto_version"
  fi
  port=$(remembered_port "$name")
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "$name already running on 127.0.0.1:$port"
    return
  fi
  if ! port_free "$port"; then port=$(spare_port); echo "$port" >"$state/$name.port"; fi
  # setsid: the server outlives this script (and make) until services.sh stop
  setsid env "$@" "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1; then
      log "$name started on 127.0.0.1:$port"; return
    fi
    sleep 0.5
  done
  log "$name did not start; see $state/$name.log"; exit 1
}

moto_stop() {
  local pidfile="$state/$1.pid"
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" && log "$1 stopped"
  fi
  rm -f "$pidfile"
}

# Browser tests drive Debian's Chromium with its chromedriver (Selenium cannot download drivers).
browser_install() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  log "installing Chromium and chromedriver (Debian packages chromium, chromium-driver)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null
}

# The authorisation gate is proven behind Debian's nginx (auth_request, as ingress-nginx uses it).
nginx_install() {
  if [ -x /usr/sbin/nginx ]; then return; fi
  log "installing nginx (Debian package nginx-light) for the gate's tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null \
    && apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends nginx-light >/dev/null
  # the package starts a system-wide nginx on port 80: tests start their own on loopback
  if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi
}

# App versions' tags are resolved to digests against a real OCI registry: Debian's docker-registry
# (the distribution project's registry, 2.8), installed and started only when asked for
# (services.sh registry, or PLATFORM_REGISTRY=1 services.sh start), on a spare loopback port.
registry_start() {
  local pidfile="$state/registry.pid" port
  if [ ! -x /usr/bin/docker-registry ]; then
    log "installing the OCI registry (Debian package docker-registry) for app versions' tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null \
      && apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends docker-registry >/dev/null
    if command -v service >/dev/null; then service docker-registry stop >/dev/null 2>&1 || true; fi
  fi
  port=$(remembered_port registry)
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "registry already running on 127.0.0.1:$port"; return
  fi
  if ! port_free "$port"; then port=$(spare_port); echo "$port" >"$state/registry.port"; fi
  mkdir -p "$state/registry/data"
  cat >"$state/registry/config.yml" <<CONFIG
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $state/registry/data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$port}
CONFIG
  setsid /usr/bin/docker-registry serve "$state/registry/config.yml" >"$state/registry.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then log "registry started on 127.0.0.1:$port"; return; fi
    sleep 0.5
  done
  log "the registry did not start; see $state/registry.log"; exit 1
}

write_env() {
  cat >"$envfile" <<ENV
PLATFORM_PG_HOST=127.0.0.1
PLATFORM_PG_PORT=$(cat "$state/postgres.port")
PLATFORM_PG_SUPERUSER=postgres
PLATFORM_PG_SUPERUSER_PASSWORD=$(cat "$state/postgres.password")
PLATFORM_AWS_ENDPOINT=http://127.0.0.1:$(cat "$state/moto.port")
PLATFORM_AWS_IAM_ENDPOINT=http://127.0.0.1:$(cat "$state/moto-iam.port")
ENV
  if [ -s "$state/kube/admin.kubeconfig" ] && [ -s "$state/kube/apiserver.pid" ]; then
    echo "PLATFORM_KUBECONFIG=$state/kube/admin.kubeconfig" >>"$envfile"
  fi
  if [ -s "$state/registry.pid" ] && kill -0 "$(cat "$state/registry.pid")" 2>/dev/null; then
    echo "PLATFORM_REGISTRY=127.0.0.1:$(cat "$state/registry.port")" >>"$envfile"
  fi
  if "$root/scripts/helm.sh" built; then
    echo "PLATFORM_HELM=$("$root/scripts/helm.sh" path)" >>"$envfile"
  fi
  if "$root/scripts/prometheus-crds.sh" fetched; then
    echo "PLATFORM_PROMETHEUS_CRDS=$("$root/scripts/prometheus-crds.sh" path)" >>"$envfile"
  fi
}

cluster_start() {
  if [ "${PLATFORM_LOCAL_CLUSTER:-0}" = 1 ] || "$root/scripts/kubernetes.sh" built; then
    "$root/scripts/cluster.sh" start
    # the chart's tests install it into this cluster with the pinned Helm (built once per machine)
    if [ "${PLATFORM_LOCAL_CLUSTER:-0}" = 1 ]; then "$root/scripts/helm.sh" build >/dev/null; fi
    # and validates its ServiceMonitor and PrometheusRule against the operator's CRDs (a second from the proxy)
    "$root/scripts/prometheus-crds.sh" fetch >/dev/null || log "could not fetch the Prometheus Operator's CRDs"
  else
    log "local Kubernetes not built: make run uses the in-JVM simulator ('make run LOCAL_CLUSTER=1' builds it)"
  fi
}

case "${1:-}" in
  # moto-iam checks every call against IAM (no free calls): tests that prove IAM policies reset it
  # and open a few free calls (POST /moto-api/reset-auth) to create their own admin user and key
  start) pg_start; moto_start moto; moto_start moto-iam INITIAL_NO_AUTH_ACTION_COUNT=0
    nginx_install; if [ "${PLATFORM_REGISTRY:-0}" = 1 ] || [ -x /usr/bin/docker-registry ]; then registry_start; fi
    cluster_start; write_env; log "environment in $envfile" ;;
  registry) registry_start; write_env; log "environment in $envfile" ;;
  browser) browser_install ;;
  stop) "$root/scripts/cluster.sh" stop; moto_stop registry; moto_stop moto-iam; moto_stop moto; pg_stop ;;
  status) cat "$envfile" 2>/dev/null || echo "not started" ;;
  env) cat "$envfile" ;;
  *) echo "usage: $0 start|stop|status|env|browser|registry" >&2; exit 2 ;;
esac
