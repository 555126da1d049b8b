/**
 * How many tries a client gets where a guess can succeed, per client address and per target, so that one person's
 * typos never lock out another. Used as preHandlers (api/plugins/external/rate-limit.ts), so counted after validation:
 * a malformed request cannot succeed and is not a guess. Counted in PostgreSQL (api/security/guess-count-store.ts), so
 * that API instances behind one load balancer share each count.
 */
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

const field = (req: FastifyRequest, name: string) => {
  const from = (req.params as Record<string, unknown> | undefined)?.[name] ?? (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof from === 'string' ? from.trim().toLowerCase() : '';
};

/** Staff sign-in, pages and JSON API together: 10 tries per account per 15 minutes. */
export const loginGuesses: RateLimitOptions = {
  max: 10, timeWindow: '15 minutes',
  keyGenerator: (req) => `login|${req.ip}|${field(req, 'username')}`,
};

/**
 * A worker's proof (a texted code for a case, a personal link): 30 tries per case (or per address for links) per 15
 * minutes, on top of each code's own few tries, so that guessing codes across fresh ones is bounded too.
 */
export const workerProofGuesses: RateLimitOptions = {
  max: 30, timeWindow: '15 minutes',
  keyGenerator: (req) => `proof|${req.ip}|${field(req, 'caseNo') || 'link'}`,
};

/**
 * A party's agreement code (issue 16): per party's phone, since the 43 workers of a group dispute may all confirm from
 * the station's one network. What stops guessing is the count in Postgres (5 wrong tries per phone and draft,
 * api/services/agreement-confirmation.ts), which the mediator may start afresh up to three times; this only slows a
 * flood, and leaves room for a worker who kept trying while locked out to confirm once the code was sent again.
 */
export const agreementCodeGuesses: RateLimitOptions = {
  max: 20, timeWindow: '15 minutes',
  keyGenerator: (req) => `agreement|${req.ip}|${field(req, 'caseNo')}|${field(req, 'phone')}`,
};

/**
 * A post on a 协商码 page spends a one-time code, so a post is a guess too: 60 per address and round per 15 minutes.
 * Generous, because a factory's workers often share one network; each code's own few tries and the per-phone daily
 * cap of posts (api/services/wage-code/posting.ts) bound the rest.
 */
export const wagePostGuesses: RateLimitOptions = {
  max: 60, timeWindow: '15 minutes',
  keyGenerator: (req) => `wage-post|${req.ip}|${field(req, 'code')}`,
};

/**
 * Not a guess, but public and a query each (issue 23): the library's search and "cases like mine", 120 a minute per
 * address, more than a person typing and paging ever makes, fewer than a script scraping past cases would want.
 */
export const librarySearches: RateLimitOptions = {
  max: 120, timeWindow: '1 minute',
  keyGenerator: (req) => `library|${req.ip}`,
};
