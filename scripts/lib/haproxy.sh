# shellcheck shell=bash source-path=SCRIPTDIR
# The cluster's load balancer: Debian's HAProxy, installed with apt-get when missing (as root), as browser.sh does for
# Chromium; nothing is downloaded at run time otherwise. Why HAProxy: scripts/cluster/haproxy.cfg.
[[ -n "${_GQ_HAPROXY_SH:-}" ]] && return 0
_GQ_HAPROXY_SH=1
for _gq_f in common cleanup ports; do source "$(dirname "${BASH_SOURCE[0]}")/$_gq_f.sh"; done
unset _gq_f

GQ_HAPROXY_PID=""

# ensure_haproxy: sets GQ_HAPROXY (its path): one file check when it is there.
ensure_haproxy() {
  GQ_HAPROXY="$(command -v haproxy || true)"
  [[ -n "$GQ_HAPROXY" ]] || GQ_HAPROXY=/usr/sbin/haproxy
  [[ -x "$GQ_HAPROXY" ]] && return 0
  ((EUID == 0)) || gq_die "the cluster's load balancer is Debian's haproxy; as root run: apt-get update && apt-get install -y haproxy"
  command -v apt-get >/dev/null || gq_die "the cluster needs haproxy, and there is no apt-get here to install it"
  gq_log "installing haproxy from Debian for the cluster's load balancer"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy; } 2>&1 | gq_prefix apt-get ||
    gq_die "apt-get could not install haproxy (see above)"
  [[ -x "$GQ_HAPROXY" ]] || gq_die "apt-get finished but $GQ_HAPROXY is missing"
}

# start_haproxy <log> <port> <stats-port> <api1-port> <api2-port>: checks the config, starts HAProxy in the foreground
# of its own process group and waits for its port.
start_haproxy() {
  local log="$1" cfg="$ROOT/scripts/cluster/haproxy.cfg"
  ensure_haproxy
  export GQ_LB_PORT="$2" GQ_LB_STATS_PORT="$3" GQ_API1_PORT="$4" GQ_API2_PORT="$5"
  "$GQ_HAPROXY" -c -q -f "$cfg" 2>&1 | gq_prefix haproxy || gq_die "haproxy rejected $cfg"
  spawn_group "$log" "$GQ_HAPROXY" -db -f "$cfg"
  GQ_HAPROXY_PID=$GQ_SPAWNED_PID
  register_cleanup "gq_log 'stopping the load balancer'; kill_group $GQ_HAPROXY_PID 5"
  wait_port "$GQ_LB_PORT" 20 "$GQ_HAPROXY_PID" || { tail -n 20 "$log" | gq_prefix haproxy; gq_die "haproxy did not start"; }
}
