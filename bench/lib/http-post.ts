/**
 * The load generator's POST: node:http over kept-alive connections, instead of fetch. The bench shares the machine's two
 * cores with what it measures, and fetch (undici, a stream and an AbortSignal timer per request) cost the bench process
 * ~2 ms of CPU per filing under load, against ~0.6 ms this way (bench/results, session 18), CPU taken from the API,
 * worker and servers during the intake limits. The noop's and floor's load generator is the SDK's native client, lean
 * already; this evens the two. The answers are the same: status, body, Retry-After; a request unanswered after
 * `timeoutMs` fails with a TimeoutError, as fetch's AbortSignal.timeout did.
 */
import http from 'node:http';

export interface PostAnswer {
  status: number;
  text: string;
  retryAfter: string | undefined;
}

/**
 * One pool for the process: a caller waits for its answer before its next request, so sockets ≈ callers. Idle sockets
 * in the pool are unref'd by the agent, so they keep no finished bench alive.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
      });
      res.on('error', fail);
    });
    function fail(err: Error) {
      clearTimeout(timer);
      reject(err);
    }
    const timer = setTimeout(() => {
      const err = new Error(`no answer within ${timeoutMs} ms`);
      err.name = 'TimeoutError';
      req.destroy(err);
    }, timeoutMs);
    req.on('error', fail);
    req.end(body);
  });
}
