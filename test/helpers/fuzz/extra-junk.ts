/**
 * Junk on top of a request, where a route may rightly ignore it: query strings, headers, cookies (after the real
 * ones), other spellings of the content type. With `primary` 'junk' it is all that is wrong with the request.
 */
import fc from 'fast-check';
import { chance, pick } from './draw';
import { cookieJunk, encodeComponent, headerJunk, junk } from './junk';

export function junkOnTop(g: fc.GeneratorValue, primary: string, headers: Record<string, string>, cookies: string[], defects: string[], contentType: string | undefined): { query: string; contentType: string | undefined } {
  let query = '';
  if (primary === 'junk' || chance(g, 4)) {
    const pairs = g(() => fc.array(fc.tuple(
      fc.oneof(fc.constantFrom('q', 'next', 'done', 'caseNo', 'page', 'a[b]', '__proto__[x]', 'constructor[prototype][x]', '%zz', ''), junk(10).map(encodeComponent)),
      fc.oneof(junk(30).map(encodeComponent), fc.constantFrom('%', '%zz', '%ED%A0%80', '%00', '%E0%A4%A', '//evil.example', '/staff/../..', '%2F%2Fevil', 'a'.repeat(3000)), fc.constant(undefined)),
    ), { minLength: 1, maxLength: 4 }));
    query = `?${pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&')}`;
    defects.push(`query ${query.slice(0, 60)}`);
  }
  if (primary === 'junk' || chance(g, 3)) {
    const extra = g(() => fc.dictionary(
      fc.constantFrom('accept', 'accept-language', 'x-forwarded-for', 'x-real-ip', 'idempotency-key', 'origin', 'referer', 'user-agent', 'x-namespace', 'if-none-match', 'range'),
      fc.oneof(headerJunk(60), fc.constantFrom('*/*', 'text/html', 'application/json', 'zh-CN', '127.0.0.1, 10.0.0.1', 'http://127.0.0.1:8233', 'bytes=0-1', 'null')),
      { minKeys: 1, maxKeys: 3 },
    ));
    Object.assign(headers, extra);
    defects.push(`headers ${Object.keys(extra).join(',')}`);
  }
  if (primary === 'junk' || chance(g, 3)) {
    const names = g(() => fc.array(fc.constantFrom('gq_session', 'gq_worker', '_csrf', 'x', 'session', 'gq_session '), { minLength: 1, maxLength: 3 }));
    // after any real cookie: a parser keeps the first of a name, so these never replace a credential or a CSRF secret
    for (const n of names) cookies.push(`${n}=${g(() => cookieJunk)}`);
    defects.push(`cookies ${names.join(',')}`);
  }
  if (contentType && chance(g, 1)) {
    const spelled = contentType === 'application/json'
      ? pick(g, ['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8', 'application/json; foo=bar'])
      : contentType === 'application/x-www-form-urlencoded' ? pick(g, ['application/x-www-form-urlencoded; charset=UTF-8', 'APPLICATION/X-WWW-FORM-URLENCODED']) : contentType;
    if (spelled !== contentType) defects.push(`content type spelled ${spelled}`);
    contentType = spelled;
  }
  return { query, contentType };
}
