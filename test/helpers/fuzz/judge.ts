/**
 * Judging an answer: never a 5xx, a malformed request refused with a 4xx (where it must be), nothing internal in the
 * body, and a refusal that says why in zh-CN: the JSON `{error, message}` for the API, a role="alert" element on pages.
 */
import { unescapeHtml } from '../browser';
import type { Built } from './build';
import { isApi, type Route } from './routes';
import { type Answer, ANSWER_WITHIN_MS } from './send';

const CJK = /[\u4e00-\u9fff]/;
/** What must not show in an answer's body (always), or in a refusal (where a page may echo what was typed, the
 *  message itself is checked for the rest). */
const LEAKS: [RegExp, string][] = [
  [/(^|\n)\s*at [\w$.<>[\] ]+ \(|\n\s+at (async )?[\w$.]+ /, 'a stack trace'],
  [/\/work\/|\/home\/|\/tmp\/|node_modules|file:\/\//, 'a file path'],
  [/\.(ts|js|mjs|cjs):\d+/, 'a source position'],
  [/FST_[A-Z_]+/, 'a Fastify error code'],
  [/\b(syntax error at or near|violates .* constraint|duplicate key value|relation "\w+"|column "\w+"|invalid byte sequence for encoding|invalid input syntax)\b/i, 'a database message'],
  [/\b(select \S+ from|insert into|update \w+ set|delete from)\b/i, 'SQL'],
];
const MESSAGE_LEAKS: [RegExp, string][] = [
  [/\bError\b|Exception/, 'an error class'],
  [/Temporal|ApplicationFailure|Workflow|grpc|ECONN|activity/i, 'an engine detail'],
  [/\[object Object\]|\bundefined\b|\bNaN\b|\bnull\b/, 'a JavaScript artefact'],
];
/**
 * A page's random tokens (the CSRF token of its forms, a script nonce): base64url, so one in a few million holds
 * "FST_" and a capital, and a CI run once failed on a CSRF token that looked like a Fastify error code.
 */
const withoutTokens = (body: string) => body.replace(/(name="_csrf" value|nonce)="[^"]*"/g, '$1=""');
/** an English phrase (three Latin words in a row), outside the quotes that echo what the person typed */
const english = (message: string) => /[A-Za-z]{2,}[\s,:]+[A-Za-z]{2,}[\s,:]+[A-Za-z]{2,}/.test(message.replace(/“[^”]*”|"[^"]*"/g, ''));

/** The message a refusal shows the person: the JSON `message`, or the text of the page's role="alert" elements. */
export function messageOf(a: Answer): { json: boolean; message?: string; error?: string } {
  if (/application\/json/.test(a.type)) {
    try {
      const parsed = JSON.parse(a.text) as { error?: unknown; message?: unknown };
      return { json: true, message: typeof parsed.message === 'string' ? parsed.message : undefined, error: typeof parsed.error === 'string' ? parsed.error : undefined };
    } catch { return { json: true }; }
  }
  const alerts = [...a.text.matchAll(/role="alert"[^>]*>([^<]*)</g)].map((m) => unescapeHtml(m[1]).trim()).filter(Boolean);
  return { json: false, message: alerts.length ? alerts.join(' / ') : undefined };
}
export function judge(route: Route, b: Built, a: Answer): string[] {
  if (a.error) return [`no answer (${/timeout/.test(a.error) ? `none within ${ANSWER_WITHIN_MS / 1000} s` : a.error})`];
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`answered ${a.status}`);
  else if (b.strict && a.status < 400) problems.push(`accepted a malformed request (${a.status})`);
  if (b.method === 'HEAD') return problems;
  const body = withoutTokens(a.text);
  for (const [re, what] of LEAKS) if (re.test(body)) problems.push(`the body shows ${what}`);
  if (a.status < 400) return problems;
  const m = messageOf(a);
  const wanted = isApi(route.url) ? 'json' : 'page';
  if (wanted === 'json' && !m.json) problems.push(`a JSON route answered ${a.type || 'no content type'}`);
  if (wanted === 'page' && !/text\/html/.test(a.type)) problems.push(`a page route answered ${a.type || 'no content type'}`);
  if (m.json && m.error === undefined) problems.push('the JSON answer has no error code');
  if (m.error === 'INTERNAL') problems.push('error INTERNAL');
  if (m.message === undefined) problems.push(m.json ? 'the JSON answer has no message' : 'no role="alert" message');
  else {
    if (!CJK.test(m.message)) problems.push('the message is not zh-CN');
    else if (english(m.message)) problems.push('the message has English in it');
    const own = m.message.replace(/“[^”]*”/g, '');
    for (const [re, what] of MESSAGE_LEAKS) if (re.test(own)) problems.push(`the message shows ${what}`);
  }
  return problems;
}
