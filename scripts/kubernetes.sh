#!/usr/bin/env bash
# Builds the local Kubernetes control plane once into a machine-wide cache outside the checkout
# (CI runs in a fresh clone elsewhere): kube-apiserver, kube-controller-manager, kube-scheduler,
# etcd and kwok, pinned in scripts/kubernetes/go.mod and below, from the Go module proxy.
# A second run is a no-op. Prints the cache folder on stdout.
# Usage: scripts/kubernetes.sh build|dir|built
set -euo pipefail

kubernetes_version=v1.37.2
etcd_version=v3.7.3
kwok_version=v0.8.0

here=$(cd "$(dirname "$0")" && pwd)
cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/kubernetes/$kubernetes_version"
stamp="$cache/stamp"
want="kubernetes $kubernetes_version etcd $etcd_version kwok $kwok_version $(sha256sum "$here/kubernetes/go.sum" | cut -c1-16)"

log() { printf '[kubernetes] %s\n' "$*" >&2; }

built() { [ -s "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }

build() {
  if built; then echo "$cache"; return; fi
  command -v go >/dev/null || { log "Go is needed to build the local cluster (the machine's Go)"; exit 1; }
  mkdir -p "$cache/bin"
  local started=$SECONDS ldflags
  ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$kubernetes_version"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=37"
  ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
  ldflags+=" -X k8s.io/component-base/version.buildDate=2026-01-01T00:00:00Z"
  log "building Kubernetes $kubernetes_version, etcd $etcd_version and kwok $kwok_version into $cache"
  log "the first build takes about 10 minutes on 2 cores; later runs reuse it"
  (
    cd "$here/kubernetes"
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
    go mod download
    # progress: one line a minute while the compiler works
    ( while sleep 60; do log "still building ($((SECONDS - started)) s)"; done ) &
    local ticker=$!
    trap 'kill $ticker 2>/dev/null || true' EXIT
    go build -trimpath -ldflags "$ldflags" -o "$cache/bin/" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler go.etcd.io/etcd/server/v3 sigs.k8s.io/kwok/cmd/kwok
    mv -f "$cache/bin/server" "$cache/bin/etcd"
    # kwok's stage definitions (how fake pods and nodes move through their phases)
    local kwok_dir
    kwok_dir=$(go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
    rm -rf "$cache/stages" && mkdir -p "$cache/stages"
    cp -r "$kwok_dir/kustomize/stage/." "$cache/stages/"
    chmod -R u+w "$cache/stages"
  )
  echo "$want" >"$stamp"
  log "built in $((SECONDS - started)) s"
  echo "$cache"
}

case "${1:-}" in
  build) build ;;
  dir) echo "$cache" ;;
  built) built ;;
  *) echo "usage: $0 build|dir|built" >&2; exit 2 ;;
esac
