#!/usr/bin/env bash
# npm run test:cluster: brings up a throwaway cluster (scripts/lib/cluster.sh: Postgres, the full Temporal server, two
# workers, two API instances behind HAProxy) in data/cluster-test, type-checks, and runs test/cluster/ against it, one
# file at a time (they crash its processes). Not part of npm test; docs/testing.md says how long it takes.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
source "$LIB/cluster.sh"
install_cleanup_trap
cd "$ROOT"
started="$(gq_now)"

# Fresh each run: the tests count what the cluster sent and filed.
dir="$ROOT/data/cluster-test"
[[ -f "$dir/pg-cluster-test/postmaster.pid" ]] && gq_die "a cluster seems to run from $dir (its Postgres holds $dir/pg-cluster-test/postmaster.pid); stop it first"
rm -rf "$dir"
export GONGQING_PG_FAST=1
GQ_CLUSTER_PORT="$(free_port)" GQ_CLUSTER_UI_PORT=none start_cluster "$dir"
gq_log "cluster ready in $(gq_since "$started") s"

gq_log "type-checking"
npx --no-install tsc --noEmit -p .
gq_log "running the cluster tests"
status=0
npx --no-install vitest run --config vitest.cluster.config.ts --reporter=default --reporter=json \
  --outputFile.json=data/vitest-cluster-report.json "$@" || status=$?
node -e 'const r=require("./data/vitest-cluster-report.json");console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`+(r.numPendingTests?`, ${r.numPendingTests} skipped`:""))' || true
gq_log "cluster tests finished in $(gq_since "$started") s (exit $status)"
exit "$status"
