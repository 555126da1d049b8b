/**
 * The codec endpoint for the Temporal Web UI (its "Codec Server" setting, with "include credentials"): staff whose
 * role may read everything in the engine (the district's staff and leaders) see workflow inputs, updates and results
 * decrypted in the UI; everyone else gets 401/403, and the engine's database keeps only ciphertext.
 * Format: Temporal's remote codec JSON, `{ payloads: [{ metadata: { k: base64 }, data: base64 }] }`.
 */
import type { Payload } from '@temporalio/common';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { codecFor } from '../../activities/codec/data-converter';
import { keyRingFromEnv } from '../../activities/codec/key-ring';
import { badRequest } from '../errors';

interface JsonPayload { metadata?: Record<string, string>; data?: string }

const payloadsBody = {
  type: 'object', required: ['payloads'], additionalProperties: false,
  properties: {
    payloads: {
      type: 'array', maxItems: 1000,
      items: { type: 'object', additionalProperties: false, properties: { metadata: { type: 'object', additionalProperties: { type: 'string' } }, data: { type: 'string' } } },
    },
  },
} as const;

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v as Uint8Array).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/** The Web UI's origin(s): GONGQING_TEMPORAL_UI_ORIGINS, comma-separated; by default the dev server's UI on 8233. */
function allowedOrigins(): string[] {
  return (process.env.GONGQING_TEMPORAL_UI_ORIGINS ?? 'http://127.0.0.1:8233,http://localhost:8233').split(',').map((o) => o.trim()).filter(Boolean);
}

function cors(req: FastifyRequest, reply: FastifyReply): void {
  const origin = req.headers.origin;
  if (!origin || !allowedOrigins().includes(origin)) return;
  reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'origin')
    .header('access-control-allow-methods', 'POST, OPTIONS').header('access-control-allow-headers', 'content-type, x-namespace, authorization');
}

const codecRoutes: FastifyPluginAsync = async (app) => {
  const codec = codecFor(keyRingFromEnv(), () => keyRingFromEnv());
  // On every answer, refusals included (401 and 403 are thrown before any route hook runs): without these headers the
  // UI could not read why it was refused, only that the request failed.
  app.addHook('onSend', async (req, reply, payload) => {
    cors(req, reply);
    return payload;
  });
  for (const op of ['encode', 'decode'] as const) {
    app.options(`/${op}`, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.code(204).send());
    app.post<{ Body: { payloads: JsonPayload[] } }>(`/${op}`, { config: { access: 'codec' }, schema: { hide: true, body: payloadsBody } }, async (req) => {
      try {
        const out = await codec[op](req.body.payloads.map(fromJson));
        return { payloads: out.map(toJson) };
      } catch {
        // The codec's own message names key ids: not for the caller.
        throw badRequest(op === 'decode' ? '无法解密：数据已损坏，或所用密钥不在本系统中' : '无法加密这些数据');
      }
    });
  }
};

export default codecRoutes;
