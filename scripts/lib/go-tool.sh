# shellcheck shell=bash
# Builds a pinned Go tool once into the machine-wide cache outside the checkout
# (~/.cache/analytical-platform/<name>/<version>, or $PLATFORM_CACHE_DIR), from the Go module
# proxy, with the machine's Go. Sourced by scripts/helm.sh, scripts/oauth2-proxy.sh and
# scripts/kubernetes.sh. A tool's pins live in scripts/<name>/go.mod and go.sum; its stamp
# names the version(s) and a hash of go.sum, so a second build is a no-op and a changed pin
# rebuilds.
#
#   go_tool NAME VERSION MODULE_DIR [PIN...]   sets cache, stamp and want (PINs: more versions)
#   go_tool_built [BINARY]                     the stamp is current (and bin/BINARY is there)
#   go_tool_build ABOUT COMMAND...             runs COMMAND in MODULE_DIR (GOTOOLCHAIN=local,
#                                              CGO_ENABLED=0, GOFLAGS=-mod=mod, modules downloaded,
#                                              a progress line a minute), then writes the stamp;
#                                              under a lock on the cache folder, so that two runs on one
#                                              machine (a CI run and a benchmark) build once, not both at once

go_tool() {
  go_tool_name=$1
  go_tool_module=$3
  cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/$1/$2"
  stamp="$cache/stamp"
  want="$1 $2${4:+ ${*:4}} $(sha256sum "$3/go.sum" | cut -c1-16)"
}

log() { printf '[%s] %s\n' "$go_tool_name" "$*" >&2; }

go_tool_built() {
  [ -s "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && { [ -z "${1:-}" ] || [ -x "$cache/bin/$1" ]; }
}

go_tool_build() {
  local about=$1
  shift
  command -v go >/dev/null || { log "Go is needed to build $go_tool_name (the machine's Go)"; exit 1; }
  mkdir -p "$cache/bin"
  exec {go_tool_lock}>"$cache/.lock"
  if ! flock -n "$go_tool_lock"; then
    log "waiting for another run building $go_tool_name into $cache"
    flock "$go_tool_lock"
  fi
  if go_tool_built; then
    log "built meanwhile by another run"
    exec {go_tool_lock}>&-
    return
  fi
  local started=$SECONDS
  log "building $go_tool_name into $cache ($about)"
  (
    cd "$go_tool_module"
    export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
    go mod download
    ( while sleep 60; do log "still building ($((SECONDS - started)) s)"; done ) &
    local ticker=$!
    trap 'kill $ticker 2>/dev/null || true' EXIT
    "$@"
  )
  echo "$want" >"$stamp"
  exec {go_tool_lock}>&-
  log "built in $((SECONDS - started)) s"
}
