#!/usr/bin/env bash
# supervise.sh <pid-file> <command> [args...]: runs the command, and again one second after it exits, until this
# script is stopped (scripts/lib/cluster.sh stops the whole process group). The pid of the running command is kept in
# <pid-file>: killing that process is a crash the cluster must survive (npm run test:cluster does it), and the
# supervisor brings it back as a service manager would.
set -u
pidfile="$1"
shift
while true; do
  "$@" &
  echo $! >"$pidfile"
  wait $!
  echo "[gongqing] supervise: '$*' exited with status $?; starting it again in 1 s" >&2
  sleep 1
done
