/**
 * The worker's personal link, sent in the receipt SMS: the proof of access that only the worker's phone receives.
 * Its token is an HMAC of the case number under a server secret, so a retried or replayed send carries the same link
 * without the link ever being stored in clear or passing through the engine's history; Postgres keeps its hash, where
 * it can be looked up and revoked.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What the outbox stores (and staff see) in place of the link; the gateway adapter gets the real one. */
export const LINK_PLACEHOLDER = '[个人专属链接]';

export function publicUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GONGQING_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, '');
}

/** GONGQING_LINK_SECRET (base64), else the keys file's "linkSecret" (GONGQING_KEYS_FILE). */
export function linkSecretFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  let b64 = env.GONGQING_LINK_SECRET?.trim();
  if (!b64 && env.GONGQING_KEYS_FILE) b64 = (JSON.parse(readFileSync(env.GONGQING_KEYS_FILE, 'utf8')) as { linkSecret?: string }).linkSecret;
  const secret = Buffer.from(b64 ?? '', 'base64');
  if (secret.length < 32) throw new Error('No personal-link secret: set GONGQING_LINK_SECRET (32+ bytes, base64) or "linkSecret" in GONGQING_KEYS_FILE');
  return secret;
}

export interface WorkerLinks {
  /** 192 bits, URL-safe */
  tokenFor(caseNo: string): string;
  urlFor(caseNo: string): string;
  /**
   * The one-time code a party of a mediation confirms a drafted agreement with (issue 16): six digits, derived like the
   * link, so a retried send carries the same code and the code never enters the engine's history. One per party and
   * draft: a new draft makes every earlier code worthless. Guessing is limited where it is checked (the API).
   */
  agreementCode(caseNo: string, partyNo: number, version: number): string;
  /** where a party enters that code */
  confirmUrlFor(caseNo: string): string;
}

/** What the outbox stores in place of an agreement code. */
export const CODE_PLACEHOLDER = '[确认码]';

export function workerLinks(secret: Buffer, publicUrl: string): WorkerLinks {
  const tokenFor = (caseNo: string) => `L${createHmac('sha256', secret).update(`worker-link:v1:${caseNo}`).digest('base64url').slice(0, 32)}`;
  const agreementCode = (caseNo: string, partyNo: number, version: number) =>
    String(createHmac('sha256', secret).update(`agreement-code:v1:${caseNo}:${partyNo}:${version}`).digest().readUInt32BE(0) % 1_000_000).padStart(6, '0');
  return { tokenFor, urlFor: (caseNo) => `${publicUrl}/t/${tokenFor(caseNo)}`, agreementCode, confirmUrlFor: (caseNo) => `${publicUrl}/confirm/${caseNo}` };
}

export function workerLinksFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerLinks {
  return workerLinks(linkSecretFromEnv(env), publicUrlFromEnv(env));
}
