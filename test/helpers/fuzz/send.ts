/**
 * Sending a built request as a client would (no redirects followed, a deadline on the answer). A request fetch refuses
 * to send is the test's own mistake and fails it; a request the server does not answer becomes an Answer with `error`.
 */
import type { Built } from './build';

/** an answer later than this is a violation; after two on one route, its remaining runs are not sent */
export const ANSWER_WITHIN_MS = 5_000;

export interface Answer { status: number; type: string; text: string; location: string | null; error?: string }

export async function send(baseUrl: string, b: Built): Promise<Answer> {
  try {
    const res = await fetch(`${baseUrl}${b.path}`, { method: b.method, headers: b.headers, body: b.body, redirect: 'manual', signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
    const text = b.method === 'HEAD' ? '' : await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, location: res.headers.get('location') };
  } catch (err) {
    const e = err as Error & { cause?: Error };
    if (e instanceof TypeError && (!/fetch failed/.test(e.message) || /^invalid .* header$/.test(e.cause?.message ?? ''))) {
      throw new Error(`the test built a request fetch cannot send (${e.cause?.message ?? e.message}): ${JSON.stringify(b)}`);
    }
    return { status: 0, type: '', text: '', location: null, error: `${e.message}${e.cause ? `: ${e.cause.message}` : ''}` };
  }
}
