#!/usr/bin/env bash
# The container image's base, made offline from this machine (no registry is reachable here and
# none is needed): a Java runtime cut from the build JDK with jlink, exactly the shared libraries
# its binaries need (found with ldd, copied from the same machine that built the JDK), and an
# /etc/passwd naming the numeric non-root user 65532. No shell, no package manager.
# Built once per JDK into a machine-wide cache, then copied to the folder given (Jib adds it to
# the image as extra directories). A second run is a cheap copy.
# Usage: scripts/runtime-image.sh build DEST [JAVA_HOME]
set -euo pipefail

# The JDK modules a Spring Boot application with JDBC, JPA, TLS, JMX metrics and the Kubernetes
# and AWS clients uses; jdk.crypto.ec for TLS, jdk.unsupported for Netty and Hibernate.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming
modules+=,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql
modules+=,java.transaction.xa,java.xml,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.management
modules+=,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# AWT's X11, sound, font and image libraries: never loaded by a headless server, and they would
# pull in X11 and friends.
graphical="libawt_xawt.so libfontmanager.so libjavajpeg.so libjawt.so libjsound.so liblcms.so libsplashscreen.so"
user_id=65532

here=$(cd "$(dirname "$0")" && pwd)
log() { printf '[runtime-image] %s\n' "$*" >&2; }

build() {
  local dest=$1 jdk=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
  local release cache stamp want
  release=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release")
  cache="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/analytical-platform}/runtime-image/$release"
  stamp="$cache/stamp"
  want="jdk $release $(sha256sum "$here/runtime-image.sh" | cut -c1-16)"
  # one build (and no copy of a half-made one) at a time on this machine
  mkdir -p "$cache"
  exec {lock}>"$cache/.lock"
  flock "$lock"
  if ! [ -s "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    make_root "$jdk" "$cache/root"
    echo "$want" >"$stamp"
  fi
  rm -rf "$dest" && mkdir -p "$(dirname "$dest")"
  cp -a "$cache/root" "$dest"
}

make_root() {
  local jdk=$1 root=$2 started=$SECONDS
  log "making the image's runtime from $jdk into $root"
  [ -d "$jdk/jmods" ] || { log "$jdk has no jmods folder (Debian: install openjdk-17-jdk-headless's jmods)"; exit 1; }
  rm -rf "$root" && mkdir -p "$root/opt" "$root/etc" "$root/tmp"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug --no-man-pages \
    --no-header-files --compress=2 --output "$root/opt/java"
  for lib in $graphical; do rm -f "$root/opt/java/lib/$lib"; done
  # the loader and every library the runtime's binaries link to, under the paths they are looked up by
  local deps
  deps=$(find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
    | awk '/=> \// {print $3}' | grep -v "^$root/" | sort -u)
  for dep in $deps; do
    mkdir -p "$root$(dirname "$dep")"
    cp -L "$dep" "$root$dep"
  done
  # the loader's canonical path, as the binaries' ELF interpreter names it
  local interpreter
  interpreter=$(readelf -l "$root/opt/java/bin/java" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
  mkdir -p "$root$(dirname "$interpreter")"
  cp -L "$interpreter" "$root$interpreter"
  # the libraries' licences, as Debian ships them
  for package in $(dpkg -S $deps "$interpreter" 2>/dev/null | cut -d: -f1 | sort -u); do
    [ -f "/usr/share/doc/$package/copyright" ] || continue
    mkdir -p "$root/usr/share/doc/$package"
    cp "/usr/share/doc/$package/copyright" "$root/usr/share/doc/$package/"
  done
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%s:%s:nonroot:/tmp:/sbin/nologin\n' $user_id $user_id >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:%s:\n' $user_id >"$root/etc/group"
  log "made in $((SECONDS - started)) s ($(du -sh "$root" | cut -f1))"
}

case "${1:-}" in
  build) build "${2:?destination folder}" "${3:-}" ;;
  *) echo "usage: $0 build DEST [JAVA_HOME]" >&2; exit 2 ;;
esac
