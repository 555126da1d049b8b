#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Smoke test of the bring-up libraries: starts PostgreSQL and the Temporal dev server the way the real
# scripts will, provides the time-skipping test server, checks each answers, and stops everything on
# the way out (success, failure or Ctrl-C). Afterwards no postgres, temporal or java process of ours
# should remain. Set DATABASE_URL / TEMPORAL_ADDRESS to check existing services instead.
# GONGQING_SMOKE_HOLD=1 keeps everything up until Ctrl-C, e.g. to poke at it by hand.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/cleanup.sh
source "$ROOT/scripts/lib/cleanup.sh"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
# shellcheck source=lib/temporal-dev.sh
source "$ROOT/scripts/lib/temporal-dev.sh"
# shellcheck source=lib/test-server.sh
source "$ROOT/scripts/lib/test-server.sh"
install_cleanup_trap

t_all="$(gq_now)"
step() { gq_log "[$(gq_since "$t_all") s] $*"; }

# Resolved first and exported so the later steps (and child processes) reuse the same binary.
t="$(gq_now)"
TEMPORAL_CLI="$(ensure_temporal_cli)"
export TEMPORAL_CLI
step "temporal CLI: $TEMPORAL_CLI ($(gq_since "$t") s)"

t="$(gq_now)"
start_postgres "$ROOT/data/pg"
step "PostgreSQL up ($(gq_since "$t") s)"

t="$(gq_now)"
start_temporal_dev "$ROOT/data/temporal-smoke.db" auto none
step "Temporal dev server up ($(gq_since "$t") s)"

t="$(gq_now)"
TEMPORAL_TEST_SERVER="$(ensure_test_server)"
export TEMPORAL_TEST_SERVER
verify_test_server "$TEMPORAL_TEST_SERVER"
step "test server: $TEMPORAL_TEST_SERVER ($(gq_since "$t") s)"

echo "DATABASE_URL=$DATABASE_URL"
echo "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS"
echo "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER"

# The server's own psql when we started one; otherwise whatever psql is on PATH.
"${GQ_PG_BINDIR:+$GQ_PG_BINDIR/}psql" -X "$DATABASE_URL" -c 'select 1'
"$TEMPORAL_CLI" workflow list --address "$TEMPORAL_ADDRESS"
step "checks passed"

if [[ "${GONGQING_SMOKE_HOLD:-}" == 1 ]]; then
  gq_log "holding; press Ctrl-C to stop everything"
  while :; do sleep 1; done
fi
gq_log "smoke bootstrap OK in $(gq_since "$t_all") s; stopping everything"
