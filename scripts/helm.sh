#!/usr/bin/env bash
# Builds Helm once into a machine-wide cache outside the checkout (CI runs in a fresh clone
# elsewhere), pinned in scripts/helm/go.mod and below, from the Go module proxy, the same way
# scripts/kubernetes.sh builds the local cluster. A second run is a no-op.
# Prints the path of the helm binary on stdout.
# Usage: scripts/helm.sh build|path|built
set -euo pipefail

helm_version=v4.3.2

here=$(cd "$(dirname "$0")" && pwd)
cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/helm/$helm_version"
stamp="$cache/stamp"
want="helm $helm_version $(sha256sum "$here/helm/go.sum" | cut -c1-16)"

log() { printf '[helm] %s\n' "$*" >&2; }

built() { [ -s "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$cache/bin/helm" ]; }

build() {
  if built; then echo "$cache/bin/helm"; return; fi
  command -v go >/dev/null || { log "Go is needed to build Helm (the machine's Go)"; exit 1; }
  mkdir -p "$cache/bin"
  local started=$SECONDS
  log "building Helm $helm_version into $cache (about 3 minutes on 2 cores the first time)"
  (
    cd "$here/helm"
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
    go mod download
    ( while sleep 60; do log "still building ($((SECONDS - started)) s)"; done ) &
    local ticker=$!
    trap 'kill $ticker 2>/dev/null || true' EXIT
    go build -trimpath -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$helm_version" \
      -o "$cache/bin/helm" helm.sh/helm/v4/cmd/helm
  )
  echo "$want" >"$stamp"
  log "built in $((SECONDS - started)) s"
  echo "$cache/bin/helm"
}

case "${1:-}" in
  build) build ;;
  path) echo "$cache/bin/helm" ;;
  built) built ;;
  *) echo "usage: $0 build|path|built" >&2; exit 2 ;;
esac
