import { createHash } from 'node:crypto';

/** How a bearer secret (a session token, a personal link) is kept: only its SHA-256, so a database copy opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
