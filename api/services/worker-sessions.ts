/**
 * A worker's signed-in state for their own cases, opened by the personal link of the receipt SMS, by a one-time code
 * sent to the phone on file, or by filing after such a code. The token (cookie on the phone pages, bearer in the JSON
 * API) is random and stored hashed; one token may open several of the same worker's cases.
 */
import type { Kysely } from 'kysely';
import { hashToken } from '../../activities/secrets/hash';
import { caseOfWorkerLink, deleteWorkerSession, insertWorkerSession } from '../../db/queries/worker-access';
import type { Database } from '../../db/schema';
import { securityConfig } from '../security/config';
import { MAX_TOKEN_LENGTH, newToken, WORKER_TOKEN_PREFIX } from '../security/tokens';

export async function openWorkerSession(
  db: Kysely<Database>, caseNo: string, via: 'link' | 'code' | 'filing', existing?: string,
): Promise<{ token: string; maxAgeSeconds: number }> {
  const token = existing?.startsWith(WORKER_TOKEN_PREFIX) && existing.length <= MAX_TOKEN_LENGTH ? existing : newToken(WORKER_TOKEN_PREFIX);
  const maxAgeSeconds = securityConfig.workerSessionDays * 86_400;
  await insertWorkerSession(db, { tokenHash: hashToken(token), caseNo, via, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) });
  return { token, maxAgeSeconds };
}

export async function caseOfLink(db: Kysely<Database>, linkToken: string): Promise<string | undefined> {
  return /^L[A-Za-z0-9_-]{32}$/.test(linkToken) ? caseOfWorkerLink(db, hashToken(linkToken)) : undefined;
}

export async function closeWorkerSession(db: Kysely<Database>, token: string): Promise<void> {
  await deleteWorkerSession(db, hashToken(token));
}
