/**
 * Junk to break requests with: characters a person cannot read, junk strings (for bodies and paths), junk that fetch
 * will still carry in a header, junk credentials and cookies, and percent-encoding that lets a lone surrogate through.
 */
import fc from 'fast-check';
import type { Enc } from './recipe';

// Characters a person cannot read: controls (not tab or line breaks), unassigned, private use, lone surrogates.
const UNREADABLE = /[^\t\n\r\P{Cc}]|[\p{Cn}\p{Co}\p{Cs}]/u;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const BAD_CODE_POINTS = [
  ...range(0x00, 0x08), ...range(0x0e, 0x1f), 0x7f, ...range(0x80, 0x84), ...range(0x86, 0x9f),
  0x0378, 0x0379, 0x0380, 0x03a2, 0x0530, 0x0557, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0xe0000, 0x10ffff,
  0xe000, 0xe123, 0xf8ff, 0xf0000, 0x10fffd,
].map((cp) => String.fromCodePoint(cp)).filter((c) => UNREADABLE.test(c) && !/\s/.test(c));
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
/**
 * Code points a browser sends as they are (a lone surrogate in a form goes out as U+FFFD, so only JSON carries one).
 * U+0000 comes up often: PostgreSQL refuses it in text, so it is the one most likely to get through to a 5xx.
 */
export const badCharFor = (enc: Enc) => fc.oneof(
  { weight: 1, arbitrary: fc.constant('\u0000') },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_CODE_POINTS.slice(1), ...(enc === 'json' ? LONE_SURROGATES : [])) },
);

const PRINTABLE = [...'abcXYZ0189 -_.~!*\'();:@&=+$,/?#[]%"<>\\^`{|}'];
const HAN = [...'王小明欠薪拖欠工资仲裁调解'];
const junkChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PRINTABLE) },
  { weight: 2, arbitrary: fc.constantFrom(...HAN) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_CODE_POINTS, ...LONE_SURROGATES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const junk = (maxLength = 30) => fc.array(junkChar, { minLength: 1, maxLength }).map((a) => a.join(''));

/** What a header may carry through fetch (undici refuses control characters but tab): printable ASCII and Latin-1. */
const headerChar = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x21, max: 0x7e }) },
  { weight: 1, arbitrary: fc.constantFrom(0x20, 0x09) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
).map((c) => String.fromCharCode(c));
export const headerJunk = (maxLength = 40) => fc.array(headerChar, { minLength: 1, maxLength })
  .map((a) => `x${a.join('')}x`);

/** Percent-encoding as a browser does it, except that a lone surrogate goes out as its (invalid) UTF-8 bytes. */
export function encodeComponent(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}
export const formEncode = (body: Record<string, unknown>) => Object.entries(body)
  .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))
  .map(([k, v]) => `${encodeComponent(String(k))}=${encodeComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');

/** Credentials and cookies that are not ones the app issued (or not well-formed at all). */
export const JUNK_AUTH = fc.oneof(
  fc.constantFrom('Basic dXNlcjpwYXNz', 'Bearer', 'bearer gqs_abc', 'BEARER gqs_abc', 'Token gqs_abc', 'Digest username="x"', 'Bearer\tgqs_x', 'gqs_abc'),
  headerJunk(60).filter((v) => !v.startsWith('Bearer ')),
);
export const JUNK_TOKEN = fc.oneof(
  headerJunk(60).map((s) => `gqs_${s}`), headerJunk(60).map((s) => `gqw_${s}`), headerJunk(60),
  fc.constantFrom(`gqs_${'A'.repeat(32)}`, `gqw_${'A'.repeat(32)}`, `gqs_${'A'.repeat(500)}`, 'gqs_', 'gqw_', 'null', 'undefined'),
);
export const cookieJunk = fc.oneof(
  headerJunk(80).map((s) => s.replace(/;/g, '')),
  junk(20).map(encodeComponent),
  fc.constantFrom('%00', 'gqs_%00%00', '%ED%A0%80', 'gqw_%EF%BF%BF', `gqs_${'x'.repeat(5000)}`, '"gqs_abc"', 'gqs_abc=def', 'gqw_%01%02%7F'),
);
