#!/usr/bin/env bash
# npm run start:cluster: the production topology on one machine, with the demo's data (kept in data/cluster/, so a
# restart keeps every case): PostgreSQL, the Temporal server 1.29.1 on it (built once into .tools/), two workers, two API
# instances behind HAProxy, the Web UI with the codec, and the loopback SMS gateway and mail server. Ctrl-C stops all
# of it. What each piece is and how to run it for a federation: docs/operations-cluster.md.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
source "$LIB/cluster.sh"
install_cleanup_trap
cd "$ROOT"

GQ_CLUSTER_PRINT_ACCOUNTS=1 start_cluster "$ROOT/data/cluster"
echo "Demo grievances (each worker's personal link is in the receipt SMS on the phone pages below):"
node --import tsx scripts/demo-cases.ts

cat >&2 <<MSG

  Gongqing is running as a cluster (logs in data/cluster/logs/, Ctrl-C stops everything):
    Worker's QR page      $GQ_CLUSTER_URL/           (HAProxy in front of two API instances)
    Staff sign-in         $GQ_CLUSTER_URL/staff/login
    Balancer status       $GQ_CLUSTER_STATS_URL
    Phones (SMS gateway)  ${GQ_CLUSTER_SMS_PAGE:-${GONGQING_SMS_URL:-none: texts kept in the outbox, $GQ_CLUSTER_URL/staff/sms}}
    Inboxes (e-mail)      ${GQ_MAIL_PAGE:-$GONGQING_SMTP_URL}
    Temporal server       $TEMPORAL_ADDRESS (v$(sed 's/^v//' <<<"$GQ_TEMPORAL_SERVER_VERSION"), on PostgreSQL)${GQ_CLUSTER_UI_URL:+   Web UI $GQ_CLUSTER_UI_URL (codec: $GONGQING_PUBLIC_URL/codec)}
    PostgreSQL            $DATABASE_URL (also databases temporal, temporal_visibility)

  Demo sign-ins as for npm start (password gongqing2026), e.g. beishan.sg street caseworker, xihu.qb district staff.

MSG
# Workers and API instances that die are started again by their supervisors; the balancer and the engine are the
# pieces without a twin here, so their end ends the run.
while cluster_alive; do sleep 1; done
gq_log "the load balancer or the Temporal server stopped; see data/cluster/logs/"
exit 1
