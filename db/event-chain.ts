/**
 * Case events form a hash chain per case: each row stores the hash of the row before it (prev_hash) and its own hash
 * over prev_hash and its content. The append-only trigger stops ordinary edits; the chain makes an edit by someone who
 * bypassed the trigger (a superuser disabling it) visible afterwards. It cannot reveal removal of a case's newest
 * events, which would need the head hash kept somewhere else.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** prev_hash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers: everything it says, not its row id or the chain columns themselves. */
export interface ChainedEvent {
  case_no: string;
  event_key: string;
  seq: number;
  type: string;
  actor: string;
  actor_role: string;
  summary: string;
  data: unknown;
  at: Date | string;
}

/** Object keys sorted at every depth: jsonb hands keys back in its own order, not in the order they were written. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/**
 * The text an event's hash is taken over: JSON with sorted keys, `at` as an ISO string in UTC (a Date read back from
 * timestamptz and the string the workflow wrote give the same text). `data` first goes through JSON as it does on its
 * way into jsonb (dates become strings, undefined members vanish), so the hash at insert matches the hash on read.
 */
export function canonicalEvent(row: ChainedEvent): string {
  const data = row.data === undefined ? null : JSON.parse(JSON.stringify(row.data));
  return JSON.stringify(sortKeys({
    case_no: row.case_no, event_key: row.event_key, seq: Number(row.seq), type: row.type, actor: row.actor,
    actor_role: row.actor_role, summary: row.summary, data, at: new Date(row.at).toISOString(),
  }));
}

/** Hex SHA-256 of the previous hash, a newline and the canonical text. */
export function eventHash(prevHash: string, row: ChainedEvent): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalEvent(row)}`, 'utf8').digest('hex');
}

/** The hash a case's next event links to: its newest event's (highest id), or GENESIS_HASH for a case with none. */
export async function lastEventHash(db: Kysely<Database>, caseNo: string): Promise<string> {
  const last = await db.selectFrom('case_events').select('hash').where('case_no', '=', caseNo)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

export interface ChainReport {
  ok: boolean;
  /** events whose content and link were confirmed (all of them when ok) */
  checked: number;
  broken?: { seq: number; id: number; reason: string };
}

/**
 * Walks a case's events in insertion order and recomputes each hash and link. Stops at the first break: everything
 * after it is unproven anyway. The reason is for staff, so it names the event by its number in the case (seq).
 */
export async function verifyChain(db: Kysely<Database>, caseNo: string): Promise<ChainReport> {
  const rows = await db.selectFrom('case_events')
    .select(['id', 'event_key', 'case_no', 'seq', 'type', 'actor', 'actor_role', 'summary', 'data', 'at', 'prev_hash', 'hash'])
    .where('case_no', '=', caseNo).orderBy('id').execute();
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const row of rows) {
    const at = { seq: row.seq, id: Number(row.id) };
    // Content first: an edited row is reported as itself, not as a broken link on the row after it.
    if (eventHash(row.prev_hash, row) !== row.hash) {
      return { ok: false, checked, broken: { ...at, reason: `第${row.seq}条记录的内容与其哈希不符（可能被篡改）` } };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, checked, broken: { ...at, reason: `第${row.seq}条记录与上一条的链接断开（记录被删除或插入）` } };
    }
    prev = row.hash;
    checked += 1;
  }
  return { ok: true, checked };
}
