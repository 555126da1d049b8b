/**
 * The bench's proofs since issue 14: a staff session (bearer token) to file on a worker's behalf, and the worker's own
 * token, opened with the personal link of the receipt SMS. The link's token is derived from the link secret of the keys
 * file scripts/bench.sh made and gave to every server (GONGQING_KEYS_FILE); the bench, an operator's tool, derives it
 * the same way instead of reading a phone.
 */
import { sql, type Kysely } from 'kysely';
import { workerLinksFromEnv } from '../../activities/secrets/worker-link';
import type { Database } from '../../db/schema';
import { sleep } from './stats';

/** A seeded street caseworker of 北山街道, where the bench's enterprise (e-jingmi) is: who would file for its workers. */
export const FILING_STAFF = { username: 'beishan.sg', password: 'gongqing2026' };

async function json<T>(res: Response, expect: number): Promise<T> {
  const body = await res.text();
  if (res.status !== expect) throw new Error(`${res.url}: HTTP ${res.status} (expected ${expect}): ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) => fetch(url, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000),
});

/**
 * Signs a staff member in (POST /api/v1/sessions) and returns the header that makes their requests theirs. One sign-in
 * per API process: the sign-in guess limit (10 per account and address per 15 minutes) is far away.
 */
export async function staffAuth(baseUrl: string, user = FILING_STAFF): Promise<Record<string, string>> {
  const { token } = await json<{ token: string }>(await postJson(`${baseUrl}/api/v1/sessions`, user), 201);
  return { authorization: `Bearer ${token}` };
}

/**
 * The worker's token for a case: waits (in Postgres, not by trying the link, which the guess limit counts) until the
 * receipt SMS stored the link's hash, then opens a worker session with the link, once.
 */
export async function workerAuth(baseUrl: string, db: Kysely<Database>, caseNo: string, waitSeconds = 60): Promise<Record<string, string>> {
  for (let t0 = Date.now(); ; await sleep(200)) {
    const r = await sql<{ n: number }>`select count(*)::int as n from worker_links where case_no = ${caseNo}`.execute(db);
    if ((r.rows[0]?.n ?? 0) > 0) break;
    if (Date.now() - t0 > waitSeconds * 1000) throw new Error(`case ${caseNo}: no personal link stored after ${waitSeconds} s (receipt SMS not sent?)`);
  }
  const link = workerLinksFromEnv().tokenFor(caseNo);
  const { accessToken } = await json<{ accessToken: string }>(await postJson(`${baseUrl}/api/v1/worker-sessions`, { link }), 201);
  return { authorization: `Bearer ${accessToken}` };
}

export { json, postJson };
