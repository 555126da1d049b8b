#!/usr/bin/env bash
# The OpenAPI document against an external conformance tool (issue 20): brings the system up as `npm start` does, in
# data/conformance/ and on loopback only, and runs Schemathesis against /api/v1/openapi.json, signed out and signed in
# as a district staff member (xihu.qb of db/seed), in passes side by side, each bounded in examples and time. Exits
# non-zero on any failure or error the tool reports; stops everything it started on exit, Ctrl-C or failure.
# Not part of `npm test`: it is slow, random and needs the tool from PyPI. Run: npm run conformance.
#   GQ_CONFORMANCE_EXAMPLES  examples per operation in the fuzzing phase (default 5)
#   GQ_CONFORMANCE_SECONDS   hard limit for each pass (default 420)
#   GQ_CONFORMANCE_SEED      Schemathesis seed, to repeat a run (default: a new one, printed)
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup app-stack schemathesis; do source "$LIB/$f.sh"; done
install_cleanup_trap
cd "$ROOT"
started="$(gq_now)"
DIR="$ROOT/data/conformance"
REPORTS="$DIR/reports"
EXAMPLES="${GQ_CONFORMANCE_EXAMPLES:-5}"
LIMIT="${GQ_CONFORMANCE_SECONDS:-420}"
SEED="${GQ_CONFORMANCE_SEED:-$RANDOM$RANDOM}"

ST="$(ensure_schemathesis)"
start_app_stack "$DIR"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

# A staff bearer token for the signed-in pass (the demo password of db/seed, which `npm start` prints too).
TOKEN="$(node -e '
  fetch(process.argv[1] + "/api/v1/sessions", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "xihu.qb", password: "gongqing2026" }) })
    .then(async (r) => { const b = await r.json(); if (r.status !== 201) throw new Error(r.status + " " + JSON.stringify(b)); console.log(b.token); })
    .catch((e) => { console.error(e.message); process.exit(1); });' "$GQ_APP_URL")" || gq_die "could not sign in as xihu.qb"

# start_pass <name> [schemathesis options...]: one run of the tool in the background, in a process group of its own
# (stopped at exit like the rest), its output in $REPORTS/<name>.log. Sets PASS_PID.
# - one worker each: the tool's threads trip over a CPython 3.11 bug in Hypothesis (AST recursion depth mismatch);
#   the passes run side by side instead, as separate processes;
# - too_slow off: a mediation's body (up to 300 workers, each with text fields) is slow to draw, not wrong;
# - run from $DIR: the tool keeps a cache of crashes in its working directory (.schemathesis/).
start_pass() {
  local name="$1"
  shift
  spawn_group "$REPORTS/$name.log" env -C "$DIR" timeout --kill-after=10 "$LIMIT" \
    "$ST" --config-file "$LIB/schemathesis.toml" run "$GQ_APP_URL/api/v1/openapi.json" \
    --phases examples,coverage,fuzzing --checks all --max-examples "$EXAMPLES" --seed "$SEED" --workers 1 \
    --request-timeout 20 --suppress-health-check too_slow --no-color --generation-database none \
    --report junit --report-dir "$REPORTS/$name" "$@"
  PASS_PID=$GQ_SPAWNED_PID
  register_cleanup "kill_group $PASS_PID 5"
}

gq_log "schemathesis against $GQ_APP_URL/api/v1/openapi.json, signed out and signed in (seed $SEED, $EXAMPLES examples per operation, at most $LIMIT s)"
# Signed out, the operations anyone may call. Those that need a token answer 401 before reading anything, and the
# signed-in passes check that (the tool's ignored_auth check sends each of them without and with a wrong token).
PUBLIC=(--include-tag public --include-name 'POST /api/v1/sessions' --include-name 'POST /api/v1/mediations/{caseNo}/confirmations')
AUTH=(--header "Authorization: Bearer $TOKEN")
# Signed in, the token must last the pass: signing out (DELETE /sessions/current) would end it at the first try. The
# operations are split in two passes by tag, so that the three passes share the cores evenly.
PASSES=(signed-out signed-in signed-in-mediation)
start_pass signed-out "${PUBLIC[@]}"
PIDS=("$PASS_PID")
start_pass signed-in "${AUTH[@]}" --exclude-tag mediation --exclude-name 'DELETE /api/v1/sessions/current'
PIDS+=("$PASS_PID")
start_pass signed-in-mediation "${AUTH[@]}" --include-tag mediation
PIDS+=("$PASS_PID")

status=0
for i in "${!PASSES[@]}"; do
  rc=0
  wait "${PIDS[i]}" || rc=$?
  name="${PASSES[i]}"
  printf '\n======== pass %s (exit %s) ========\n' "$name" "$rc" >&2
  cat "$REPORTS/$name.log" >&2
  ((rc != 124 && rc != 137)) || gq_log "pass $name stopped at its $LIMIT s limit"
  ((rc == 0)) || status=1
done
# One closing line per pass, e.g. "signed-out: 11 operations; 512 generated, 512 passed; 2 warnings in 73.59s".
for name in "${PASSES[@]}"; do
  gq_log "$name: $(grep -oE '[0-9]+ selected' "$REPORTS/$name.log" | head -n 1 | sed 's/selected/operations/'); $(grep -E '^  [0-9]+ generated' "$REPORTS/$name.log" | xargs); $(grep -oE '=+ .* in [0-9.]+s =+$' "$REPORTS/$name.log" | tr -d '=' | xargs)"
done
gq_log "conformance finished in $(gq_since "$started") s: $([[ $status == 0 ]] && echo 'no failures' || echo 'FAILURES (see above)')"
exit "$status"
