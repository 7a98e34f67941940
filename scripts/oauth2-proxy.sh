#!/usr/bin/env bash
# Builds oauth2-proxy once into a machine-wide cache outside the checkout, pinned in
# scripts/oauth2-proxy/go.mod (and go.sum) and below, from the Go module proxy, the way
# scripts/helm.sh builds Helm. The authorisation-gate benchmarks (bench/, scripts/bench.sh gate)
# measure our gate against it. A second run is a no-op. Prints the path of the binary on stdout.
# Usage: scripts/oauth2-proxy.sh build|path|built
set -euo pipefail

version=v7.15.6

here=$(cd "$(dirname "$0")" && pwd)
cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/oauth2-proxy/$version"
stamp="$cache/stamp"
want="oauth2-proxy $version $(sha256sum "$here/oauth2-proxy/go.sum" | cut -c1-16)"

log() { printf '[oauth2-proxy] %s\n' "$*" >&2; }

built() { [ -s "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$cache/bin/oauth2-proxy" ]; }

build() {
  if built; then echo "$cache/bin/oauth2-proxy"; return; fi
  command -v go >/dev/null || { log "Go is needed to build oauth2-proxy (the machine's Go)"; exit 1; }
  mkdir -p "$cache/bin"
  local started=$SECONDS
  log "building oauth2-proxy $version into $cache (a few minutes on 2 cores the first time)"
  (
    cd "$here/oauth2-proxy"
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
    go mod download
    ( while sleep 60; do log "still building ($((SECONDS - started)) s)"; done ) &
    local ticker=$!
    trap 'kill $ticker 2>/dev/null || true' EXIT
    go build -trimpath \
      -ldflags "-s -w -X github.com/oauth2-proxy/oauth2-proxy/v7/pkg/version.VERSION=$version" \
      -o "$cache/bin/oauth2-proxy" github.com/oauth2-proxy/oauth2-proxy/v7
  )
  echo "$want" >"$stamp"
  log "built in $((SECONDS - started)) s"
  echo "$cache/bin/oauth2-proxy"
}

case "${1:-}" in
  build) build ;;
  path) echo "$cache/bin/oauth2-proxy" ;;
  built) built ;;
  *) echo "usage: $0 build|path|built" >&2; exit 2 ;;
esac
