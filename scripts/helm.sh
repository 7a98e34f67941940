#!/usr/bin/env bash
# Builds Helm once into a machine-wide cache outside the checkout (CI runs in a fresh clone
# elsewhere), pinned in scripts/helm/go.mod and below, from the Go module proxy, the same way
# scripts/kubernetes.sh builds the local cluster (scripts/lib/go-tool.sh). A second run is a no-op.
# Prints the path of the helm binary on stdout.
# Usage: scripts/helm.sh build|path|built
set -euo pipefail

helm_version=v4.3.2

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/go-tool.sh"
go_tool helm "$helm_version" "$here/helm"

built() { go_tool_built helm; }

compile() {
  go build -trimpath -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$helm_version" \
    -o "$cache/bin/helm" helm.sh/helm/v4/cmd/helm
}

build() {
  built || go_tool_build "about 3 minutes on 2 cores the first time" compile
  echo "$cache/bin/helm"
}

case "${1:-}" in
  build) build ;;
  path) echo "$cache/bin/helm" ;;
  built) built ;;
  *) echo "usage: $0 build|path|built" >&2; exit 2 ;;
esac
