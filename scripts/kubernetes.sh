#!/usr/bin/env bash
# Builds the local Kubernetes control plane once into a machine-wide cache outside the checkout
# (CI runs in a fresh clone elsewhere): kube-apiserver, kube-controller-manager, kube-scheduler,
# etcd and kwok, from the Go module proxy (scripts/lib/go-tool.sh). The versions are pinned in one
# place, scripts/kubernetes/go.mod (its require lines; the k8s.io staging modules' replace lines follow
# the Kubernetes version); this script reads them from there. A second run is a no-op. Prints the
# cache folder on stdout.
# Usage: scripts/kubernetes.sh build|dir|built
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

# pinned MODULE: the version go.mod requires of that module
pinned() {
  local version
  version=$(awk -v module="$1" '$1 == module && $2 ~ /^v[0-9]/ { print $2; exit }' "$here/kubernetes/go.mod")
  [ -n "$version" ] || { echo "scripts/kubernetes/go.mod pins no version of $1" >&2; exit 1; }
  echo "$version"
}
kubernetes_version=$(pinned k8s.io/kubernetes)
etcd_version=$(pinned go.etcd.io/etcd/server/v3)
kwok_version=$(pinned sigs.k8s.io/kwok)
kubernetes_minor=${kubernetes_version#v1.}
kubernetes_minor=${kubernetes_minor%%.*}
# each k8s.io staging module is replaced by its release of the same Kubernetes version (v1.x.y -> v0.x.y)
if grep -E '=> k8s\.io/[^ ]+ v' "$here/kubernetes/go.mod" | grep -vE " v0\.${kubernetes_version#v1.}\$" >&2; then
  echo "scripts/kubernetes/go.mod: the replace lines above do not follow k8s.io/kubernetes $kubernetes_version" >&2
  exit 1
fi

. "$here/lib/go-tool.sh"
go_tool kubernetes "$kubernetes_version" "$here/kubernetes" etcd "$etcd_version" kwok "$kwok_version"

built() { go_tool_built; }

compile() {
  local ldflags kwok_dir
  ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$kubernetes_version"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$kubernetes_minor"
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
