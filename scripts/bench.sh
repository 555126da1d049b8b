#!/usr/bin/env bash
# `npm run bench` (issue 8): starts a private Postgres cluster and a fresh Temporal dev server, then runs bench/run.ts,
# which starts the worker(s) and the API itself and writes bench/results/<date>.md and -latency.png. Never part of
# `npm test`. BENCH_QUICK=1 for a short run; everything started here is stopped at exit, as in start.sh and test.sh.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup ports node-deps keys fonts postgres temporal-dev temporal-cli; do source "$LIB/$f.sh"; done
install_cleanup_trap
cd "$ROOT"
mkdir -p data/logs bench/results
# One bench at a time per checkout: two runs would share data/pg-bench, delete each other's Temporal file below and
# drop each other's database, and each would measure the other's load besides its own. The lock is held by this shell
# only ({GQ_BENCH_LOCK}>&- below keeps it from the servers), so a server left over by a killed run cannot hold it.
exec {GQ_BENCH_LOCK}>"$ROOT/data/bench.lock"
flock -n "$GQ_BENCH_LOCK" || gq_die "another npm run bench is running in this checkout (data/bench.lock); wait for it to finish"
started="$(gq_now)"

ensure_node_deps
ensure_keys_file "$ROOT/data/keys-bench.json"
# The documents phase sets the legal documents in Debian's Noto Serif CJK, installed the same way as for npm test.
ensure_cjk_fonts
start_postgres "$ROOT/data/pg-bench" {GQ_BENCH_LOCK}>&-
# A fresh SQLite file every run: histories left by an earlier run would make the server slower and the numbers drift.
rm -f data/temporal-bench.db data/temporal-bench.db-shm data/temporal-bench.db-wal
start_temporal_dev "$ROOT/data/temporal-bench.db" auto none {GQ_BENCH_LOCK}>&-
gq_log "infrastructure ready in $(gq_since "$started") s"

# What bench/run.ts needs to find the server processes (RSS, CPU) and to print versions; empty when DATABASE_URL or
# TEMPORAL_ADDRESS pointed elsewhere and nothing was started here.
export GQ_BENCH_TEMPORAL_PGID="${GQ_TEMPORAL_DEV_PID:-}"
GQ_BENCH_TEMPORAL_PRAGMAS=""
if [[ -n "${GQ_TEMPORAL_DEV_PID:-}" ]]; then
  for a in "${GQ_SQLITE_PRAGMA_ARGS[@]}"; do [[ "$a" == --sqlite-pragma ]] || GQ_BENCH_TEMPORAL_PRAGMAS+="${GQ_BENCH_TEMPORAL_PRAGMAS:+ }$a"; done
fi
export GQ_BENCH_TEMPORAL_PRAGMAS
export GQ_BENCH_PG_DIR="${GQ_PG_DIR:-}"
export GQ_BENCH_PG_BINDIR="${GQ_PG_BINDIR:-}"
GQ_BENCH_TEMPORAL_CLI="$(ensure_temporal_cli)"
export GQ_BENCH_TEMPORAL_CLI

status=0
node --import tsx bench/run.ts "$@" {GQ_BENCH_LOCK}>&- || status=$?
gq_log "bench finished in $(gq_since "$started") s (exit $status)"
exit "$status"
