/** Pieces every JSON route reads the same way: the bearer scheme, the Idempotency-Key header, a live view's answer. */
import type { FastifyRequest } from 'fastify';

export const bearer = [{ bearer: [] }];

export const idempotencyKeyOf = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
};

/** A command's answer: the case's live view after it (extra fields allowed, so describing it never drops one). */
export const liveView = { view: { type: 'object', additionalProperties: true } };
