/**
 * "Nothing written", made checkable: every table of the app fingerprinted (count and checksum), and the cases'
 * workflow histories counted, before the first request and after each one.
 */
import { sql } from 'kysely';
import { grievanceWorkflowId } from '../../../api/services/case-number';
import type { System } from '../system';

/** every table of the app's schema */
export async function tablesOf(sys: System): Promise<string[]> {
  // guess_counts counts the tries at a guess (api/security/guess-count-store.ts): a try that is refused is still a try,
  // and counting it is the point; it holds no case data.
  return (await sql<{ t: string }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'guess_counts' order by 1`.execute(sys.db)).rows.map((r) => r.t);
}

/** a table's row count and a checksum of its rows, for every table */
export async function fingerprint(sys: System, tables: string[]): Promise<Map<string, string>> {
  const q = tables.map((t) => `select '${t}' as t, count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from "${t}" x`).join(' union all ');
  const rows = (await sql.raw<{ t: string; n: number; h: string }>(q).execute(sys.db)).rows;
  return new Map(rows.map((r) => [r.t, `${r.n} rows, ${r.h}`]));
}

/** the tables that changed between two fingerprints, with their row counts */
export const diff = (a: Map<string, string>, b: Map<string, string>) =>
  [...b.keys()].filter((t) => a.get(t) !== b.get(t)).map((t) => `${t}: ${a.get(t)?.split(',')[0]} → ${b.get(t)?.split(',')[0]}`);

/** how many events each case's workflow history has */
export async function historyLengths(sys: System, cases: string[]) {
  const out: Record<string, number> = {};
  for (const c of cases) out[c] = Number((await sys.temporal.workflow.getHandle(grievanceWorkflowId(c)).describe()).historyLength);
  return out;
}

/** each case's workflow as Temporal describes it: status, history length, pending activities (for FUZZ_DEBUG) */
export async function workflowStates(sys: System, cases: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const c of cases) {
    const d = await sys.temporal.workflow.getHandle(grievanceWorkflowId(c)).describe();
    out.push(`[fuzz] ${c}: ${d.status.name}, history ${d.historyLength}, pending ${JSON.stringify(d.raw.pendingActivities?.map((x) => ({ type: x.activityType?.name, attempt: x.attempt, failure: x.lastFailure?.message })))}`);
  }
  return out;
}
