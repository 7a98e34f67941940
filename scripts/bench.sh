#!/usr/bin/env bash
# Runs a benchmark against the real services: scripts/bench.sh audit|data-access|me-datasets|gate|uploads|access-logs|tools-start
# Figures go into docs/performance.md by hand, with the date and the machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/services.sh start
set -a; . build/services/env; set +a
./mvnw -B --no-transfer-progress -q -DskipTests package -pl bench -am
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
case "${1:-}" in
  audit) exec java -Xmx256m -cp "$cp" uk.gov.analyticalplatform.bench.audit.AuditBenchmark ;;
  me-datasets)
    # the application jar the load generator starts
    ./mvnw -B --no-transfer-progress -q -DskipTests package -pl platform-api -am
    exec java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "$cp" uk.gov.analyticalplatform.bench.dataaccess.MyDatasetsLoad ;;
  data-access) exec java -Xmx1g -cp "$cp" uk.gov.analyticalplatform.bench.dataaccess.DataAccessBenchmark ;;
  gate)
    # oauth2-proxy (built once per machine) against our gate, with the application jar
    proxy=$(scripts/oauth2-proxy.sh build)
    ./mvnw -B --no-transfer-progress -q -DskipTests -Dimage.skip package -pl platform-api -am
    exec java -Xmx512m -Dbench.oauth2proxy="$proxy" ${BENCH_JAVA_OPTS:-} -cp "$cp" \
      uk.gov.analyticalplatform.bench.gate.GateBenchmark ;;
  uploads)
    # the AWS CLI from PyPI, in a venv of its own, installed once
    if [ ! -x build/awscli-venv/bin/aws ]; then
      python3 -m venv build/awscli-venv
      build/awscli-venv/bin/pip install -q --disable-pip-version-check "awscli==1.46.2"
    fi
    shift
    exec java -Xmx256m -cp "$cp" uk.gov.analyticalplatform.bench.datain.UploadBenchmark "$@" ;;
  access-logs) exec java -Xmx512m -cp "$cp" uk.gov.analyticalplatform.bench.datain.AccessLogBenchmark ;;
  tools-start)
    # 200 users starting JupyterLab at once on the real local Kubernetes cluster
    PLATFORM_LOCAL_CLUSTER=1 scripts/services.sh start
    exec java -Xmx768m ${BENCH_JAVA_OPTS:-} -cp "$cp" uk.gov.analyticalplatform.bench.tools.ToolsStartBenchmark ;;
  *) echo "usage: $0 audit|data-access|me-datasets|gate|uploads [MiB...] [--parallelism=8,default] [--platform-only]|access-logs|tools-start" >&2; exit 2 ;;
esac
