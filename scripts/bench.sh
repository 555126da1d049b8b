#!/usr/bin/env bash
# `npm run bench` (issue 8): starts a private Postgres cluster and a fresh Temporal dev server, then runs bench/run.ts,
# which starts the worker(s) and the API itself and writes bench/results/<date>.md and -latency.png. Never part of
# `npm test`. BENCH_QUICK=1 for a short run; everything started here is stopped at exit, as in start.sh and test.sh.
# Since issue 24 also the production topology's Temporal server (the full server 1.29.1 on the same Postgres, fresh
# databases every run) for the cluster phases; BENCH_CLUSTER=0 skips it, and a run whose server cannot be had goes on
# without those phases (the report says why).
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup ports node-deps keys fonts postgres temporal-dev temporal-cli temporal-server; do source "$LIB/$f.sh"; done
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

# bench_cluster_server: the full Temporal server (scripts/lib/temporal-server.sh, as npm run start:cluster runs it) on
# the bench's own Postgres, in fresh databases temporal and temporal_visibility: histories of an earlier run would make
# it slower. Started in a subshell so that a failure (no binaries and no Go to build them, a server that does not come
# up) ends only this attempt: the run goes on without the cluster phases and GQ_BENCH_CLUSTER_NOTE says why. Exports
# GQ_BENCH_CLUSTER_ADDRESS and GQ_BENCH_CLUSTER_PGID (the process group of the supervised server, for CPU and RSS).
GQ_BENCH_CLUSTER_ADDRESS="" GQ_BENCH_CLUSTER_PGID="" GQ_BENCH_CLUSTER_NOTE=""
# bench_cluster_stop: stops the supervised server's process group, found through the pid file the supervisor keeps
# (the subshell's own cleanup is lost with it): after a failed start, and at exit, also after a Ctrl-C during the start.
bench_cluster_stop() {
  local f="$ROOT/data/bench-cluster/run/temporal-server.pid" pid pgid="${GQ_BENCH_CLUSTER_PGID:-}" i
  for ((i = 0; i < 3 && ${#pgid} == 0; i++)); do
    [[ -f "$f" ]] || return 0
    pid="$(<"$f")"
    pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" || true
    [[ -n "$pgid" ]] || sleep 1.5 # between a crash and the supervisor's restart: the next pid is written soon
  done
  [[ -n "$pgid" ]] || return 0
  gq_log "stopping the cluster Temporal server"
  kill_group "$pgid" 20
  GQ_BENCH_CLUSTER_PGID=""
  rm -f "$f"
}
bench_cluster_server() {
  local dir="$ROOT/data/bench-cluster" port rc=0 pgid addr db
  if [[ -z "$GQ_PG_DIR" ]]; then
    GQ_BENCH_CLUSTER_NOTE="no cluster phases: DATABASE_URL points at a Postgres this bench did not start, and the full Temporal server gets fresh databases only on the bench's own"
    return 0
  fi
  if ! (ensure_temporal_server) {GQ_BENCH_LOCK}>&-; then
    GQ_BENCH_CLUSTER_NOTE="no cluster phases: the Temporal server $GQ_TEMPORAL_SERVER_VERSION could not be built (see the go: lines of this run's output)"
    return 0
  fi
  port="$(_gq_pg_port)"
  for db in temporal temporal_visibility; do
    "$GQ_PG_BINDIR/psql" -X -q -h 127.0.0.1 -p "$port" -U gongqing -d postgres -c "drop database if exists $db with (force)" ||
      { GQ_BENCH_CLUSTER_NOTE="no cluster phases: could not drop the database $db of an earlier run"; return 0; }
  done
  rm -rf "$dir"
  mkdir -p "$dir"
  register_cleanup bench_cluster_stop
  set +e
  (
    set -e
    start_temporal_server "$dir" auto
    printf '%s %s\n' "$GQ_TEMPORAL_SERVER_PID" "$TEMPORAL_ADDRESS" >"$dir/started"
  ) {GQ_BENCH_LOCK}>&-
  rc=$?
  set -e
  if ((rc == 0)) && read -r pgid addr <"$dir/started"; then
    export GQ_BENCH_CLUSTER_ADDRESS="$addr" GQ_BENCH_CLUSTER_PGID="$pgid"
    return 0
  fi
  # A server that started but never became usable still runs under its supervisor: stop its whole group.
  bench_cluster_stop
  GQ_BENCH_CLUSTER_NOTE="no cluster phases: the Temporal server $GQ_TEMPORAL_SERVER_VERSION did not start (log: data/bench-cluster/logs/temporal-server.log)"
}
case "${BENCH_ONLY:-}" in
  negotiation-index | figures | case-finder | changes) ;; # Postgres only, or dev servers of its own (changes)
  *)
    if [[ "${BENCH_CLUSTER:-1}" == 0 ]]; then
      GQ_BENCH_CLUSTER_NOTE="no cluster phases: BENCH_CLUSTER=0"
    else
      bench_cluster_server
    fi
    ;;
esac
[[ -z "$GQ_BENCH_CLUSTER_NOTE" ]] || gq_log "$GQ_BENCH_CLUSTER_NOTE"
export GQ_BENCH_CLUSTER_NOTE GQ_BENCH_CLUSTER_VERSION="$GQ_TEMPORAL_SERVER_VERSION"
gq_log "infrastructure ready in $(gq_since "$started") s"

status=0
node --import tsx bench/run.ts "$@" {GQ_BENCH_LOCK}>&- || status=$?
gq_log "bench finished in $(gq_since "$started") s (exit $status)"
exit "$status"
