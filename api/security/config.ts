/**
 * The web side's security settings, each overridable by environment. Durations and thresholds of case workflows live in
 * temporal.config.ts; these are about who may prove what and how often.
 */
import { publicUrlFromEnv } from '../../activities/secrets/worker-link';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const securityConfig = {
  /** Where workers open their personal link; https here also makes every cookie `Secure`. */
  get publicUrl() { return publicUrlFromEnv(); },
  get secureCookies() { return process.env.GONGQING_SECURE_COOKIES === '1' || this.publicUrl.startsWith('https://'); },
  staffSessionHours: 12,
  /** how long a worker's browser stays signed in to their case after a link or a code */
  get workerSessionDays() { return num('GONGQING_WORKER_SESSION_DAYS', 30); },
  codes: {
    /** a one-time code is valid this long and for this many wrong tries */
    get ttlMs() { return num('GONGQING_CODE_TTL_MINUTES', 10) * MINUTE; },
    get maxAttempts() { return num('GONGQING_CODE_MAX_ATTEMPTS', 5); },
    /** at most one code per phone in this interval, and so many per phone and per client address an hour */
    get perPhoneIntervalMs() { return num('GONGQING_CODE_INTERVAL_SECONDS', 60) * 1000; },
    get perPhonePerHour() { return num('GONGQING_CODES_PER_PHONE_HOUR', 5); },
    get perClientPerHour() { return num('GONGQING_CODES_PER_CLIENT_HOUR', 20); },
  },
  filing: {
    /** grievances filed from the public pages in 24 hours, per phone and per client address (staff filing is not counted) */
    get perPhonePerDay() { return num('GONGQING_FILINGS_PER_PHONE_DAY', 5); },
    get perClientPerDay() { return num('GONGQING_FILINGS_PER_CLIENT_DAY', 20); },
  },
  wagePosts: {
    /** posts on 协商码 pages in 24 hours per phone (each needs a code of its own; the per-hour code limits apply too) */
    get perPhonePerDay() { return num('GONGQING_WAGE_POSTS_PER_PHONE_DAY', 10); },
  },
  HOUR,
};
