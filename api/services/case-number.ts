import { createHash, randomUUID } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The tracking number is derived from the submission's idempotency key, so a repeated submission (a double tap, a
 * retry after a lost answer) lands on the same workflow id `grievance-<caseNo>` and Temporal itself keeps it single.
 * 50 bits of SHA-256 in Crockford base32: unambiguous to read out over the phone.
 */
export function caseNumberFor(idempotencyKey?: string, prefix = 'GQ'): string {
  // An empty key must never become a shared one: every keyless submission is a case of its own.
  const key = idempotencyKey || randomUUID();
  const digest = createHash('sha256').update(prefix === 'GQ' ? `grievance:${key}` : `${prefix}:${key}`).digest();
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i]);
  bits >>= 6n;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `${prefix}${out}`;
}

/** Kept for callers that know the case is a grievance (bench, tests); everything else uses workflowIdOf. */
export const grievanceWorkflowId = (caseNo: string) => `grievance-${caseNo}`;
