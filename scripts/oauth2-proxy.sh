#!/usr/bin/env bash
# Builds oauth2-proxy once into a machine-wide cache outside the checkout, pinned in
# scripts/oauth2-proxy/go.mod (and go.sum) and below, from the Go module proxy, the way
# scripts/helm.sh builds Helm (scripts/lib/go-tool.sh). The authorisation-gate benchmarks
# (bench/, scripts/bench.sh gate) measure our gate against it. A second run is a no-op. Prints
# the path of the binary on stdout.
# Usage: scripts/oauth2-proxy.sh build|path|built
set -euo pipefail

version=v7.15.6

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/go-tool.sh"
go_tool oauth2-proxy "$version" "$here/oauth2-proxy"

built() { go_tool_built oauth2-proxy; }

compile() {
  go build -trimpath \
    -ldflags "-s -w -X github.com/oauth2-proxy/oauth2-proxy/v7/pkg/version.VERSION=$version" \
    -o "$cache/bin/oauth2-proxy" github.com/oauth2-proxy/oauth2-proxy/v7
}

build() {
  built || go_tool_build "a few minutes on 2 cores the first time" compile
  echo "$cache/bin/oauth2-proxy"
}

case "${1:-}" in
  build) build ;;
  path) echo "$cache/bin/oauth2-proxy" ;;
  built) built ;;
  *) echo "usage: $0 build|path|built" >&2; exit 2 ;;
esac
