#!/usr/bin/env bash
# README command 2 (and .ci/run): installs what is missing, starts a throwaway Postgres cluster and Temporal dev server,
# builds the time-skipping test server, type-checks and runs the whole suite; stops everything it started, always.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup ports node-deps keys fonts postgres temporal-dev test-server browser; do source "$LIB/$f.sh"; done
install_cleanup_trap
cd "$ROOT"
mkdir -p data/logs
started="$(gq_now)"

ensure_node_deps
# The browser tests (test/e2e) drive Debian's Chromium: installed here when missing (as root), else two file checks.
ensure_chromium
# The legal documents (test/integration/documents.test.ts) are set in Debian's Noto Serif CJK, installed the same way.
ensure_cjk_fonts
ensure_keys_file "$ROOT/data/keys-test.json"
TEMPORAL_TEST_SERVER="$(ensure_test_server)"
export TEMPORAL_TEST_SERVER
export GONGQING_PG_FAST=1
# The workflow bundle, made once per state of the sources and shared by every worker and replay of the suite (worker.ts
# workflowCode); bundles of other states older than a day are dropped.
export GONGQING_BUNDLE_CACHE="$ROOT/data/workflow-bundles"
mkdir -p "$GONGQING_BUNDLE_CACHE" && find "$GONGQING_BUNDLE_CACHE" -name 'workflows-*' -mmin +1440 -delete 2>/dev/null || true
start_postgres "$ROOT/data/pg-test"
rm -f data/temporal-test.db
# The server records how far its transfer queue got every 30 s by default, and deletes a closed execution only once that
# record shows the close done: the retention tests (which delete executions) waited ~25 s for each.
GQ_TEMPORAL_DEV_DYNAMIC_CONFIG='history.transferProcessorUpdateAckInterval="1s"' \
start_temporal_dev "$ROOT/data/temporal-test.db" auto none
# Fault tests start, stop and restart servers of their own (test/helpers/private-*.ts) from the same binaries.
GQ_TEMPORAL_CLI="$(ensure_temporal_cli)"
# The privacy test reads the dev server's database file: no name or phone may be in it.
GQ_TEMPORAL_DB="$ROOT/data/temporal-test.db"
export GQ_TEMPORAL_CLI GQ_PG_BINDIR GQ_TEMPORAL_DB
gq_log "infrastructure ready in $(gq_since "$started") s"

gq_log "type-checking"
npx --no-install tsc --noEmit -p .
gq_log "running the test suite"
status=0
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=data/vitest-report.json "$@" || status=$?
# One closing line in the plain 'N passed, N failed' form, read by CI in any language.
node -e 'const r=require("./data/vitest-report.json");console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`+(r.numPendingTests?`, ${r.numPendingTests} skipped`:""))' || true
gq_log "suite finished in $(gq_since "$started") s (exit $status)"
exit "$status"
