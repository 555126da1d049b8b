import { CODE_PLACEHOLDER, LINK_PLACEHOLDER, type WorkerLinks } from '../secrets/worker-link';
import type { SmsRequest } from '../types';
import { renderSms } from './render';

/** How the outbox row remembers which secret to fill in: 'worker-link', or 'agreement-code:<party>:<draft>'. */
function secretColumn(req: SmsRequest): string | null {
  if (!req.secret) return null;
  if (req.secret === 'worker-link') return 'worker-link';
  return `agreement-code:${req.secret.agreementCode.partyNo}:${req.secret.agreementCode.version}`;
}

/**
 * The outbox rows of these messages as a first attempt writes them. `kept` (the outbox adapter): a message is stored as
 * it is written, sent by nobody, one statement fewer per batch (bench/). A secret is stored masked, as its placeholder.
 */
export function outboxRows(reqs: SmsRequest[], kept: boolean, links?: WorkerLinks, now = new Date()) {
  return reqs.map((req) => ({
    idempotency_key: req.key, case_no: req.caseNo, template: req.template, recipient_phone: req.to.phone,
    recipient_name: req.to.name, recipient_role: req.to.role, secret: secretColumn(req),
    ...(kept ? { status: 'stored', attempts: 1, sent_at: now } : { status: 'pending', attempts: 0 }),
    body: renderSms(req.template, req.secret === 'worker-link' ? { ...req.vars, link: LINK_PLACEHOLDER }
      : req.secret ? { ...req.vars, code: CODE_PLACEHOLDER, link: links?.confirmUrlFor(req.caseNo) ?? '' } : req.vars),
  }));
}
