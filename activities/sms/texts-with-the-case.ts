/**
 * A new case's intake texts written by the statement that writes the case (issue 24). The fan-out used to take two
 * more statements after the creation: the posts' holders looked up, then the outbox insert (with the worker's link);
 * bench/: every statement costs the worker's main thread and Postgres its overhead and a commit, for every case filed.
 * Here the holders are a part of the creation's statement and the texts are inserted from them and from the direct
 * messages, joined to the new case row: written with the case, or (a retry, the row already there) not at all, and
 * then sent as before, which keys every text so that nobody is texted twice.
 *
 * With the outbox adapter the texts are kept as they are written. With a gateway they are written pending, and the
 * statement gives them back for the gateway (a gateway's answer cannot be part of a statement): then one update records
 * what it took, as sendSmsBatch does. Only texts with no secret or the worker's link (an agreement code belongs to a
 * mediation, not an intake).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { createCaseReturning, createsOnly, insertWithTheCase, type StatementPart } from '../persistence/create-case-at-once';
import { withoutNul } from '../persistence/without-nul';
import { hashToken } from '../secrets/hash';
import type { WorkerLinks } from '../secrets/worker-link';
import type { SmsBatchResult, SmsFanOut, Transition } from '../types';
import { createDeliverPending, type PendingText } from './deliver-pending';
import { postKey } from './fan-out';
import { outboxOnlyGateway, type SmsGateway } from './gateway';
import { outboxRows } from './outbox-rows';
import { renderSms } from './render';

const OUTBOX_COLUMNS = ['idempotency_key', 'case_no', 'template', 'recipient_phone', 'recipient_name', 'recipient_role', 'secret', 'status', 'attempts', 'sent_at', 'body'] as const;

/**
 * The parts that write `f` with the new case, or null when they cannot (a secret other than the worker's link, or a
 * link without the secret it is made from). The texts go in the order the separate statements gave them: each post's
 * holders in the order of the posts and their roles (a post's primary holder: the lowest id among its active staff),
 * then the direct messages.
 */
export function intakeTextParts(f: SmsFanOut, links: WorkerLinks | undefined, kept: boolean, now = new Date()): StatementPart[] | null {
  if (f.direct.some((r) => r.secret !== undefined && r.secret !== 'worker-link')) return null;
  const linked = [...new Set(f.direct.filter((r) => r.secret === 'worker-link').map((r) => r.caseNo))];
  if (linked.length > 0 && !links) return null;
  const { keyPrefix, caseNo, template, vars } = f.message;
  const asked = f.posts.flatMap((p) => p.roles.map((role) => ({ unit: p.unitId, role })))
    .map((a, ord) => ({ ...a, ord, key: postKey(keyPrefix, a.role) }));
  const direct = outboxRows(f.direct, kept, links, now).map((row, i) => ({ ...row, ord: asked.length + i }));
  const status = kept ? sql`'stored'::text as status, 1 as attempts, ${now.toISOString()}::timestamptz as sent_at`
    : sql`'pending'::text as status, 0 as attempts, null::timestamptz as sent_at`;
  const body = renderSms(template, vars);
  const parts: StatementPart[] = [];
  if (linked.length > 0) {
    parts.push({
      name: 'intake_links',
      query: insertWithTheCase('worker_links', linked.map((c) => ({ token_hash: hashToken(links!.tokenFor(c)), case_no: c })),
        sql`on conflict (token_hash) do nothing`),
    });
  }
  // As findPostHolders finds them, each asked post and role numbered in the order asked.
  parts.push({
    name: 'intake_holders',
    query: sql`select distinct on (s.org_unit_id, s.role) a.key, a.ord, s.role, s.display_name, s.phone
      from staff_users s join jsonb_to_recordset(${JSON.stringify(asked)}::jsonb) as a(unit text, role text, ord int, key text)
        on s.org_unit_id = a.unit and s.role = a.role
      where s.active order by s.org_unit_id, s.role, s.id`,
  });
  const columns = sql.join(OUTBOX_COLUMNS.map((c) => sql.ref(c)));
  parts.push({
    name: 'intake_texts',
    query: sql`insert into sms_outbox (${columns})
      select ${sql.join(OUTBOX_COLUMNS.map((c) => sql.ref(`t.${c}`)))} from new_case, (
        select h.key as idempotency_key, ${caseNo}::text as case_no, ${template}::text as template, h.phone as recipient_phone,
          h.display_name as recipient_name, h.role as recipient_role, null::text as secret, ${status}, ${body}::text as body, h.ord
        from intake_holders h
        union all
        select ${sql.join(OUTBOX_COLUMNS.map((c) => sql.ref(`d.${c}`)))}, (e.doc->>'ord')::int
        from jsonb_array_elements(${JSON.stringify(direct)}::jsonb) as e(doc)
          cross join lateral jsonb_populate_record(null::sms_outbox, e.doc) as d
      ) t order by t.ord
      on conflict (idempotency_key) do nothing
      ${kept ? sql`` : sql`returning idempotency_key, recipient_phone, body, secret, case_no`}`,
  });
  return parts;
}

/**
 * Writes a new case and its intake texts in one statement. Gives what is left to do, the texts' delivery, or null when it
 * wrote nothing: it could not (not a bare creation, texts it cannot write) or the case row was there already; the caller
 * then goes on as it would have, the transition and then the fan-out.
 */
export function createCaseWithTexts(db: Kysely<Database>, gateway: SmsGateway, links: WorkerLinks | undefined) {
  const kept = gateway.name === outboxOnlyGateway.name;
  const deliverPending = createDeliverPending(db, gateway, links);
  return async function createWithTexts(given: Transition, fanOut: SmsFanOut): Promise<(() => Promise<SmsBatchResult>) | null> {
    const t = withoutNul(given);
    if (!createsOnly(t)) return null;
    const parts = intakeTextParts(withoutNul(fanOut), links, kept);
    if (!parts) return null;
    // Kept texts are done once written: the statement gives them back only for a gateway.
    const texts = await createCaseReturning(db, t, parts, kept ? undefined : 'intake_texts') as PendingText[] | null;
    if (texts === null) return null;
    // Every text was written by this statement: a first attempt, none refused before.
    return kept ? async () => ({ rejected: [] }) : () => deliverPending(texts, texts.map((x) => x.idempotency_key), true);
  };
}
