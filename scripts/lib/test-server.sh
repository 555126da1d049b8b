# shellcheck shell=bash source-path=SCRIPTDIR
# Temporal's Java time-skipping test server, for TestWorkflowEnvironment.createTimeSkipping in the TS
# tests. By default the SDK downloads a native build from the internet, which is unreachable here, so
# we resolve the same server from Maven Central and hand the SDK a wrapper ({type: 'existing-path'}).
[[ -n "${_GQ_TEST_SERVER_SH:-}" ]] && return 0
_GQ_TEST_SERVER_SH=1
_gq_lib="$(dirname "${BASH_SOURCE[0]}")"
source "$_gq_lib/common.sh"
source "$_gq_lib/ports.sh"
source "$_gq_lib/cleanup.sh"

GQ_TEST_SERVER_VERSION="1.31.0"
_GQ_TS_VERIFY_PID=""
_GQ_TS_VERIFY_REGISTERED=""

# ensure_test_server: prints the path of $ROOT/.tools/temporal-test-server, an executable that takes
# the SDK's arguments (`<port> --enable-time-skipping`). Reuses it while its java and every jar it
# names still exist; otherwise resolves the classpath with Maven, checks the server starts, installs.
ensure_test_server() {
  local - # keeps pipefail local
  set -o pipefail
  local dir="$ROOT/.tools/test-server" wrapper="$ROOT/.tools/temporal-test-server" java cp tmp
  if _gq_test_server_usable "$wrapper"; then
    printf '%s\n' "$wrapper"
    return 0
  fi
  java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
  [[ -x "$java" ]] || java="$(command -v java)" || gq_die "java not found (need a JRE 11+ for the test server)"
  command -v mvn >/dev/null 2>&1 || gq_die "mvn not found (needed once to fetch the test server from Maven Central)"

  mkdir -p "$dir"
  # maven-dependency-plugin is pinned to 2.8, the version Maven 3.8 uses by default, so nothing
  # beyond the server itself has to be downloaded.
  cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>gongqing.tools</groupId><artifactId>temporal-test-server</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId><version>$GQ_TEST_SERVER_VERSION</version></dependency>
  </dependencies>
  <build><pluginManagement><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>2.8</version></plugin>
  </plugins></pluginManagement></build>
</project>
POM
  gq_log "resolving io.temporal:temporal-test-server:$GQ_TEST_SERVER_VERSION with Maven"
  rm -f "$dir/classpath.txt"
  mvn -B -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" 2>&1 | gq_prefix mvn ||
    gq_die "Maven could not resolve the test server (see the mvn: lines above)"
  cp="$(cat "$dir/classpath.txt" 2>/dev/null)"
  [[ "$cp" == *temporal-test-server-"$GQ_TEST_SERVER_VERSION".jar* ]] || gq_die "unexpected classpath in $dir/classpath.txt"

  # Written under a fixed temporary name (an interrupted run leaves one file, overwritten next time)
  # and renamed only once seen to work, so a broken or half-written wrapper is never reused. The
  # version line lets a changed pin force a rebuild.
  tmp="$dir/temporal-test-server.tmp"
  printf '#!/bin/sh\n# temporal-test-server %s (written by scripts/lib/test-server.sh)\nexec "%s" -cp "%s" io.temporal.testserver.TestServer "$@"\n' \
    "$GQ_TEST_SERVER_VERSION" "$java" "$cp" >"$tmp"
  chmod +x "$tmp"
  if ! verify_test_server "$tmp"; then
    rm -f "$tmp"
    gq_die "the test server did not start; see $ROOT/data/logs/test-server-verify.log"
  fi
  mv -f "$tmp" "$wrapper"
  gq_log "test server wrapper ready: $wrapper"
  printf '%s\n' "$wrapper"
}

# True if the wrapper exists, is for the pinned version, and its java and all its jars still exist
# (a cleaned ~/.m2 or an upgraded JDK would otherwise fail only inside the tests).
_gq_test_server_usable() {
  local wrapper="$1" line java cp jar
  [[ -x "$wrapper" ]] || return 1
  grep -q "^# temporal-test-server $GQ_TEST_SERVER_VERSION " "$wrapper" || return 1
  line="$(grep '^exec ' "$wrapper")" || return 1
  java="$(sed -E 's/^exec "([^"]*)".*/\1/' <<<"$line")"
  cp="$(sed -E 's/^exec "[^"]*" -cp "([^"]*)".*/\1/' <<<"$line")"
  [[ -x "$java" && -n "$cp" ]] || return 1
  local IFS=:
  for jar in $cp; do
    [[ -f "$jar" ]] || { gq_log "test server wrapper names missing $jar; rebuilding"; return 1; }
  done
}

# verify_test_server <wrapper> [timeout-s=60]: starts it the way the SDK does on a free port, waits
# until it listens, stops it. The JVM is registered for cleanup meanwhile, so Ctrl-C cannot orphan it.
verify_test_server() {
  local wrapper="$1" timeout="${2:-60}" port log="$ROOT/data/logs/test-server-verify.log" started ok=0
  port="$(free_port)"
  mkdir -p "$ROOT/data/logs"
  : >"$log"
  if ((BASH_SUBSHELL > 0)); then
    # Inside $(ensure_test_server) the caller's traps are reset and its cleanup list is out of
    # reach, so this subshell needs traps of its own or a Ctrl-C here would orphan the JVM.
    trap _gq_stop_test_server_verify EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
  elif [[ -z "$_GQ_TS_VERIFY_REGISTERED" ]]; then
    register_cleanup _gq_stop_test_server_verify
    _GQ_TS_VERIFY_REGISTERED=1
  fi
  started="$(gq_now)"
  spawn_group "$log" "$wrapper" "$port" --enable-time-skipping
  _GQ_TS_VERIFY_PID="$GQ_SPAWNED_PID"
  wait_port "$port" "$timeout" "$_GQ_TS_VERIFY_PID" && ok=1
  kill_group "$_GQ_TS_VERIFY_PID" 5
  _GQ_TS_VERIFY_PID=""
  if ((ok)); then
    gq_log "test server listened on 127.0.0.1:$port after $(gq_since "$started") s; stopped it again"
    return 0
  fi
  tail -n 20 "$log" | gq_prefix test-server
  return 1
}

# Only finds something to do when the script was interrupted in the middle of verify_test_server.
_gq_stop_test_server_verify() {
  [[ -n "$_GQ_TS_VERIFY_PID" ]] || return 0
  gq_log "stopping the test server being verified (pid $_GQ_TS_VERIFY_PID)"
  kill_group "$_GQ_TS_VERIFY_PID" 5
  _GQ_TS_VERIFY_PID=""
}
