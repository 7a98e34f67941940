#!/usr/bin/env bash
# Fetches the Prometheus Operator's CustomResourceDefinitions for the kinds the chart renders
# (ServiceMonitor, PrometheusRule) from the operator's Go module on the module proxy, pinned
# below by version and module hash, into the machine-wide cache outside the checkout. The chart's
# tests install them into the local cluster, so that the API server validates our objects against
# the operator's real schemas. A second run is a no-op. Prints the folder holding the CRDs.
# Usage: scripts/prometheus-crds.sh fetch|path|fetched
set -euo pipefail

module=github.com/prometheus-operator/prometheus-operator
version=v0.85.0
module_hash='h1:M5xLCLEoaW2IJfnuCwFzzpL+jSVQu3KGT84Pye+fW8s='
kinds=(servicemonitors prometheusrules)

cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/prometheus-operator/$version"
stamp="$cache/stamp"
want="prometheus-operator $version $module_hash ${kinds[*]}"

log() { printf '[prometheus-crds] %s\n' "$*" >&2; }

fetched() { [ -s "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }

fetch() {
  if fetched; then echo "$cache/crds"; return; fi
  command -v go >/dev/null || { log "Go is needed to fetch the CRDs from the module proxy"; exit 1; }
  # one fetch at a time on this machine (a CI run and a benchmark may start services at once)
  mkdir -p "$cache"
  exec {lock}>"$cache/.lock"
  flock "$lock"
  if fetched; then echo "$cache/crds"; return; fi
  log "fetching $module@$version from the Go module proxy"
  local info dir sum
  info=$(cd "$(mktemp -d)" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download -json "$module@$version")
  dir=$(printf '%s' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  sum=$(printf '%s' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')
  if [ "$sum" != "$module_hash" ]; then
    log "module hash $sum is not the pinned $module_hash"; exit 1
  fi
  mkdir -p "$cache/crds"
  for kind in "${kinds[@]}"; do
    install -m 0644 "$dir/example/prometheus-operator-crd/monitoring.coreos.com_$kind.yaml" "$cache/crds/"
  done
  echo "$want" >"$stamp"
  echo "$cache/crds"
}

case "${1:-}" in
  fetch) fetch ;;
  path) echo "$cache/crds" ;;
  fetched) fetched ;;
  *) echo "usage: $0 fetch|path|fetched" >&2; exit 2 ;;
esac
