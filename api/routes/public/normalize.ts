import type { FastifyRequest } from 'fastify';

/**
 * What people type on a phone, made checkable: blank fields count as not given, a phone may carry spaces or dashes
 * ("139 1234 5678"), and a tracking number read out over the phone may come lower-case or spaced.
 */
export async function normalizeFormBody(req: FastifyRequest): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string' || key === 'password') continue;
    let v = value.trim();
    if (key === 'phone' || key === 'complainantPhone') v = v.replace(/[\s-]/g, '');
    if (key === 'caseNo') v = v.replace(/\s/g, '').toUpperCase();
    if (v === '' && key !== 'description' && key !== 'note') delete body[key];
    else body[key] = key === 'description' || key === 'note' || key === 'text' ? value : v;
  }
}
