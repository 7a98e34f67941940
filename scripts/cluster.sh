#!/usr/bin/env bash
# The local Kubernetes control plane: etcd, kube-apiserver (RBAC, client certificates made at
# first start, service-account signing keys), kube-controller-manager, kube-scheduler and kwok
# managing one fake node, all on loopback and spare ports, state under build/services/kube.
# The binaries come from scripts/kubernetes.sh (built once into a machine-wide cache).
# Usage: scripts/cluster.sh start|stop|status   (start waits for /readyz and a Ready node)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/build/services/kube"
pki="$state/pki"
node_name=kwok-node-0
mkdir -p "$state"

log() { printf '[cluster] %s\n' "$*" >&2; }

spare_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port() {
  local file="$state/$1.port"
  [ -s "$file" ] || spare_port >"$file"
  cat "$file"
}

running() { [ -s "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

# cert NAME SUBJECT [SAN]: a key and a certificate signed by the local CA
cert() {
  local name=$1 subject=$2 san=${3:-} ext
  [ -s "$pki/$name.crt" ] && return
  ext=$(mktemp)
  if [ -n "$san" ]; then
    printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n' "$san" >"$ext"
  else
    printf 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n' >"$ext"
  fi
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$pki/$name.key"
  openssl req -new -key "$pki/$name.key" -subj "$subject" -out "$pki/$name.csr" 2>/dev/null
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 3650 -extfile "$ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$ext" "$pki/$name.csr"
}

certificates() {
  mkdir -p "$pki"
  if [ ! -s "$pki/ca.crt" ]; then
    log "making the local cluster's CA, certificates and service-account keys in $pki"
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$pki/ca.key"
    openssl req -x509 -new -key "$pki/ca.key" -subj "/CN=analytical-platform-local-ca" -days 3650 \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -out "$pki/ca.crt" 2>/dev/null
  fi
  cert apiserver "/CN=kube-apiserver" \
    "IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1"
  cert admin "/O=system:masters/CN=platform-local-admin"
  cert controller-manager "/CN=system:kube-controller-manager"
  cert scheduler "/CN=system:kube-scheduler"
  cert kwok "/O=system:masters/CN=kwok"
  if [ ! -s "$pki/sa.key" ]; then
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$pki/sa.key"
    openssl pkey -in "$pki/sa.key" -pubout -out "$pki/sa.pub"
  fi
  chmod 600 "$pki"/*.key
}

# kubeconfig USER FILE: a kubeconfig for that client certificate, CA and server embedded
kubeconfig() {
  local user=$1 file=$2 server="https://127.0.0.1:$(port apiserver)"
  cat >"$file" <<YAML
apiVersion: v1
kind: Config
clusters:
- name: local
  cluster:
    server: $server
    certificate-authority-data: $(base64 -w0 "$pki/ca.crt")
users:
- name: $user
  user:
    client-certificate-data: $(base64 -w0 "$pki/$user.crt")
    client-key-data: $(base64 -w0 "$pki/$user.key")
contexts:
- name: local
  context: {cluster: local, user: $user, namespace: default}
current-context: local
YAML
  chmod 600 "$file"
}

# launch NAME COMMAND...: runs it detached (it outlives make), pid and log in the state folder
launch() {
  local name=$1; shift
  setsid "$@" >"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$state/$name.pid"
}

wait_for() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then log "$what did not come up in ${seconds} s; logs in $state"; exit 1; fi
    sleep 0.2
  done
}

api() {
  curl -fsS --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" \
    "https://127.0.0.1:$(port apiserver)$1" "${@:2}"
}

start_etcd() {
  running etcd && return
  local client peer
  client=$(port etcd) peer=$(port etcd-peer)
  launch etcd "$bin/etcd" --name local --data-dir "$state/etcd" --unsafe-no-fsync \
    --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "local=http://127.0.0.1:$peer" --listen-metrics-urls "" --log-level warn
  wait_for etcd 30 curl -fsS "http://127.0.0.1:$client/health"
}

start_apiserver() {
  running apiserver && return
  launch apiserver "$bin/kube-apiserver" --bind-address 127.0.0.1 --advertise-address 127.0.0.1 \
    --secure-port "$(port apiserver)" --etcd-servers "http://127.0.0.1:$(port etcd)" \
    --authorization-mode Node,RBAC --client-ca-file "$pki/ca.crt" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 --endpoint-reconciler-type none \
    --cert-dir "$state/apiserver-certs" --profiling="${PLATFORM_CLUSTER_PROFILING:-false}" --v 0
  wait_for kube-apiserver 60 api /readyz
}

start_controllers() {
  running controller-manager || launch controller-manager "$bin/kube-controller-manager" \
    --kubeconfig "$state/controller-manager.kubeconfig" --leader-elect=false \
    --bind-address 127.0.0.1 --secure-port 0 --use-service-account-credentials \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --controllers '*,-nodeipam' --node-monitor-grace-period 5m --profiling=false --v 0
  running scheduler || launch scheduler "$bin/kube-scheduler" \
    --kubeconfig "$state/scheduler.kubeconfig" --leader-elect=false \
    --bind-address 127.0.0.1 --secure-port 0 --profiling=false --v 0
}

# kwok's stage definitions, from its own module: nodes become Ready and keep a lease, pods run
# and become Ready (or fail, when labelled so), released volumes of the kwok-volume class are
# deleted; then the stages of scripts/kwok (a claim's volume is made as an external provisioner
# makes it, the controller-manager binds it)
kwok_config() {
  local stages="$cache/stages" file="$state/kwok.yaml" f
  : >"$file"
  for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
    pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml \
    pod/chaos/pod-container-running-failed.yaml \
    volume/fast/pv-delete.yaml volume/fast/pvc-delete.yaml; do
    printf -- '---\n' >>"$file"
    cat "$stages/$f" >>"$file"
  done
  # our own stages (scripts/kwok): an image under registry.invalid/ cannot be pulled
  for f in "$root"/scripts/kwok/*.yaml; do
    printf -- '---\n' >>"$file"
    cat "$f" >>"$file"
  done
}

start_kwok() {
  running kwok && return
  kwok_config
  launch kwok "$bin/kwok" --kubeconfig "$state/kwok.kubeconfig" --config "$state/kwok.yaml" \
    --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --server-address "127.0.0.1:$(port kwok)" --node-ip 127.0.0.1 --cidr 10.244.0.0/16
}

node_ready() {
  api "/api/v1/nodes/$node_name" | python3 -c 'import json,sys
n=json.load(sys.stdin); sys.exit(0 if any(c["type"]=="Ready" and c["status"]=="True" for c in n.get("status",{}).get("conditions",[])) else 1)'
}

# the fake node and the default storage class that kwok binds claims for; 409 means it exists
seed() {
  local code
  for pair in "/api/v1/nodes|$(node_json)" "/apis/storage.k8s.io/v1/storageclasses|$(storage_class_json)"; do
    code=$(api "${pair%%|*}" -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
      -d "${pair#*|}" 2>/dev/null || true)
    case "$code" in 201|409) ;; *) log "could not create ${pair%%|*} (HTTP $code)"; exit 1 ;; esac
  done
}

node_json() {
  cat <<JSON
{"apiVersion":"v1","kind":"Node","metadata":{"name":"$node_name",
 "annotations":{"kwok.x-k8s.io/node":"fake","node.alpha.kubernetes.io/ttl":"0"},
 "labels":{"type":"kwok","kubernetes.io/hostname":"$node_name","kubernetes.io/os":"linux","kubernetes.io/arch":"amd64"}},
 "spec":{},
 "status":{"allocatable":{"cpu":"64","memory":"256Gi","pods":"1000"},"capacity":{"cpu":"64","memory":"256Gi","pods":"1000"}}}
JSON
}

storage_class_json() {
  cat <<JSON
{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"kwok-volume",
 "annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},
 "provisioner":"kwok.x-k8s.io/volume","reclaimPolicy":"Delete","volumeBindingMode":"Immediate"}
JSON
}

start() {
  cache=$("$root/scripts/kubernetes.sh" build)
  bin="$cache/bin"
  local started=$SECONDS
  certificates
  kubeconfig admin "$state/admin.kubeconfig"
  kubeconfig controller-manager "$state/controller-manager.kubeconfig"
  kubeconfig scheduler "$state/scheduler.kubeconfig"
  kubeconfig kwok "$state/kwok.kubeconfig"
  start_etcd
  start_apiserver
  start_controllers
  start_kwok
  seed
  wait_for "the kwok node" 60 node_ready
  log "Kubernetes ready at https://127.0.0.1:$(port apiserver) in $((SECONDS - started)) s (kubeconfig $state/admin.kubeconfig)"
}

stop() {
  local name
  for name in kwok scheduler controller-manager apiserver etcd; do
    if running "$name"; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      for _ in $(seq 1 50); do running "$name" || break; sleep 0.1; done
      running "$name" && kill -9 "$(cat "$state/$name.pid")" 2>/dev/null || true
      log "$name stopped"
    fi
    rm -f "$state/$name.pid"
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) for n in etcd apiserver controller-manager scheduler kwok; do
      printf '%s: %s\n' "$n" "$(running "$n" && echo running || echo stopped)"; done ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
