#!/usr/bin/env bash
# Counts the local cluster's API requests by verb and resource (apiserver_request_total):
#   scripts/apiserver-calls.sh snapshot FILE     writes the current counters to FILE
#   scripts/apiserver-calls.sh diff BEFORE AFTER [N]  the requests made in between (and per N, e.g. per start)
# Verb APPLY is server-side apply (only the platform applies); LIST with scope=cluster is a
# label-selected list in every namespace (the platform's prune and pod lists; the cluster's
# controllers list once at start-up and then watch). Needs PLATFORM_LOCAL_CLUSTER=1 scripts/services.sh start.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kube="$root/build/services/kube"
case "${1:-}" in
  snapshot)
    server=$(sed -n 's/^ *server: //p' "$kube/admin.kubeconfig" | head -1)
    curl -sf --cacert "$kube/pki/ca.crt" --cert "$kube/pki/admin.crt" --key "$kube/pki/admin.key" "$server/metrics" |
      awk '/^apiserver_request_total\{/ {
        match($0, /verb="[^"]*"/); verb = substr($0, RSTART + 6, RLENGTH - 7)
        match($0, /resource="[^"]*"/); res = substr($0, RSTART + 10, RLENGTH - 11)
        sub_ = ""; if (match($0, /subresource="[^"]*"/)) sub_ = substr($0, RSTART + 13, RLENGTH - 14)
        scope = ""; if (match($0, /scope="[^"]*"/)) scope = substr($0, RSTART + 7, RLENGTH - 8)
        if (sub_ != "") res = res "/" sub_
        count[verb " " res " " scope] += $NF }
        END { for (k in count) print k, count[k] }' | sort >"$2" ;;
  diff)
    n=${4:-1}
    join -a2 -e0 -o '0,1.2,2.2' <(awk '{print $1"|"$2"|"$3, $4}' "$2" | sort) <(awk '{print $1"|"$2"|"$3, $4}' "$3" | sort) |
      awk -v n="$n" '{ d = $3 - $2; if (d > 0) { split($1, k, "|"); printf "%-8s %-32s %-10s %8d %8.2f\n", k[1], k[2], k[3], d, d / n; total += d } }
        END { printf "%-8s %-32s %-10s %8d %8.2f\n", "total", "", "", total, total / n }' | sort -k4 -n -r ;;
  *) echo "usage: $0 snapshot FILE | diff BEFORE AFTER [N]" >&2; exit 2 ;;
esac
