import { createHash } from 'node:crypto';

/** How a bearer secret (a session token, a personal link) is kept: only its SHA-256, so a database copy opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * How a party's agreement code is kept: bound to its case, party and draft, so a code is worth nothing elsewhere. Six
 * digits are few: the API counts wrong tries per party and draft (api/services/agreement-confirmation.ts).
 */
export function agreementCodeHash(caseNo: string, partyNo: number, version: number, code: string): string {
  return hashToken(`agreement-code:${caseNo}:${partyNo}:${version}:${code}`);
}
