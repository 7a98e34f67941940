#!/usr/bin/env bash
# Builds the local Kubernetes control plane once into a machine-wide cache outside the checkout
# (CI runs in a fresh clone elsewhere): kube-apiserver, kube-controller-manager, kube-scheduler,
# etcd and kwok, pinned in scripts/kubernetes/go.mod and below, from the Go module proxy (scripts/lib/go-tool.sh).
# A second run is a no-op. Prints the cache folder on stdout.
# Usage: scripts/kubernetes.sh build|dir|built
set -euo pipefail

kubernetes_version=v1.37.2
etcd_version=v3.7.3
kwok_version=v0.8.0

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/go-tool.sh"
go_tool kubernetes "$kubernetes_version" "$here/kubernetes" etcd "$etcd_version" kwok "$kwok_version"

built() { go_tool_built; }

compile() {
  local ldflags kwok_dir
  ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$kubernetes_version"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=37"
  ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
  ldflags+=" -X k8s.io/component-base/version.buildDate=2026-01-01T00:00:00Z"
  go build -trimpath -ldflags "$ldflags" -o "$cache/bin/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler go.etcd.io/etcd/server/v3 sigs.k8s.io/kwok/cmd/kwok
  mv -f "$cache/bin/server" "$cache/bin/etcd"
  # kwok's stage definitions (how fake pods and nodes move through their phases)
  kwok_dir=$(go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  rm -rf "$cache/stages" && mkdir -p "$cache/stages"
  cp -r "$kwok_dir/kustomize/stage/." "$cache/stages/"
  chmod -R u+w "$cache/stages"
}

build() {
  if ! built; then
    log "building Kubernetes $kubernetes_version, etcd $etcd_version and kwok $kwok_version"
    go_tool_build "the first build takes about 10 minutes on 2 cores; later runs reuse it" compile
  fi
  echo "$cache"
}

case "${1:-}" in
  build) build ;;
  dir) echo "$cache" ;;
  built) built ;;
  *) echo "usage: $0 build|dir|built" >&2; exit 2 ;;
esac
