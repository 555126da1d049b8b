import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** a form's one-time submission key (hidden field `_key`): the same form sent twice is applied once */
    formKey?: string;
  }
}

/**
 * What people type on a phone, made checkable: blank fields count as not given, a phone may carry spaces or dashes
 * ("139 1234 5678"), and a tracking number read out over the phone may come lower-case or spaced.
 */
export async function normalizeFormBody(req: FastifyRequest): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  if ('_key' in body) {
    const key = body._key;
    if (typeof key === 'string' && /^[A-Za-z0-9_-]{8,80}$/.test(key)) req.formKey = key;
    delete body._key;
  }
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string' || key === 'password') continue;
    let v = value.trim();
    if (key === 'phone' || key === 'complainantPhone') v = v.replace(/[\s-]/g, '');
    if (key === 'caseNo') v = v.replace(/\s/g, '').toUpperCase();
    if (v === '' && key !== 'description' && key !== 'note') delete body[key];
    else body[key] = key === 'description' || key === 'note' || key === 'text' ? value : v;
  }
}
