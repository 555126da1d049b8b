/**
 * A grievance filed from the public pages: the phone must be proven first (a one-time code texted to it), so nobody
 * can make the system text a stranger, and filings are limited per phone and per client address. The filer's browser
 * or client is then signed in to the new case, so the worker can follow it at once.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { assertFilingAllowed, checkPhoneCode } from './phone-codes';
import { badRequest } from '../errors';
import { fileGrievance, routeIntake, type IntakeRequest } from './grievance-intake';
import { openWorkerSession } from './worker-sessions';
import { assertRoomToStart } from './start-gate';

export async function filePublicGrievance(
  app: FastifyInstance, req: IntakeRequest, proof: { code?: string; client: string; existingToken?: string },
): Promise<{ caseNo: string; token: string; maxAgeSeconds: number }> {
  // The facts first: a wrong enterprise is said as such, and does not use up the code.
  const where = await routeIntake(app.db, req);
  if (!proof.code) throw badRequest('请先获取并填写短信验证码');
  // Without a key the submission cannot be recognised when retried; the code then serves this one request only.
  const idempotencyKey = req.idempotencyKey ?? randomUUID();
  await assertFilingAllowed(app, req.complainantPhone, proof.client);
  assertRoomToStart();
  await checkPhoneCode(app, { phone: req.complainantPhone, purpose: 'file', code: proof.code, consumer: `file:${idempotencyKey}` });
  const { caseNo } = await fileGrievance(app.db, app.temporal, { ...req, idempotencyKey }, { role: 'worker', name: req.complainantName.trim() }, where);
  const session = await openWorkerSession(app.db, caseNo, 'filing', proof.existingToken);
  return { caseNo, ...session };
}
