# shellcheck shell=bash source-path=SCRIPTDIR
# Loopback port helpers. Every service gets a fresh port per run so that several checkouts, a test run
# next to a dev server, or a leftover process from a crashed run never collide on a fixed port.
[[ -n "${_GQ_PORTS_SH:-}" ]] && return 0
_GQ_PORTS_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# free_port: prints a TCP port that was free on 127.0.0.1 a moment ago. The kernel picks it (bind to
# port 0), so there is no scanning; the small race until the service binds it is accepted.
free_port() {
  local port=""
  if command -v node >/dev/null 2>&1; then
    port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})' 2>/dev/null)" || port=""
  fi
  if [[ -z "$port" ]] && command -v python3 >/dev/null 2>&1; then
    port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()' 2>/dev/null)" || port=""
  fi
  [[ "$port" =~ ^[0-9]+$ ]] || gq_die "free_port: need node or python3 to ask the kernel for a free port"
  printf '%s\n' "$port"
}

# port_open <port> [host]: true if something accepts TCP connections there. Uses bash's /dev/tcp, so
# it needs no client tool; the subshell closes the probe connection at once.
port_open() {
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

# wait_port <port> <timeout-s> [pid]: waits until the port accepts connections. When a pid is given,
# gives up as soon as that process has died instead of waiting out the timeout.
wait_port() {
  local port="$1" timeout="$2" pid="${3:-}" deadline
  deadline=$((SECONDS + timeout))
  until port_open "$port"; do
    if [[ -n "$pid" ]] && ! gq_alive "$pid"; then return 1; fi
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
