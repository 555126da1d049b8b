/** Bearer secrets (sessions, personal links) and how they are kept: only a SHA-256 of each is ever stored. */
import { randomBytes } from 'node:crypto';

export { hashToken } from '../../activities/secrets/hash';

/** Staff session tokens start with this, worker tokens with WORKER_TOKEN_PREFIX: the prefix says which table to ask. */
export const STAFF_TOKEN_PREFIX = 'gqs_';
export const WORKER_TOKEN_PREFIX = 'gqw_';

/** 192 random bits, URL-safe. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

/** A token is at most this long; anything longer is refused before it reaches a query. */
export const MAX_TOKEN_LENGTH = 100;
