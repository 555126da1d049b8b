import type { CookieSerializeOptions } from '@fastify/cookie';
import { securityConfig } from './config';

/**
 * Every cookie the app sets: unreadable by scripts, not sent on cross-site POSTs, and `Secure` whenever the public
 * address is https (GONGQING_PUBLIC_URL) or GONGQING_SECURE_COOKIES=1.
 */
export function cookieOptions(maxAgeSeconds?: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: securityConfig.secureCookies, ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}
