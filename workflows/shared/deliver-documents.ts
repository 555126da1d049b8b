/**
 * Sending legal documents to an institution, for every case kind: make each PDF (an activity keeps it with its hash,
 * step and version), let the institution's clerks see the case (addressed), e-mail the PDFs to the institution's
 * address, and record each of these as events. The clerks can open the documents in their inbox as soon as they are
 * made: a mail server that is down delays only the e-mail (retried until it leaves), never the case.
 *
 * A document may instead be addressed to one person (legal aid's 指派函 to the lawyer it names): then only that person
 * is granted the case and lists the document, and it is e-mailed to their own address. Sending to an institution
 * runs exactly the commands it always ran, so the histories of cases sent before this keep replaying.
 */
import { inTurns } from './local-turns';
import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities, CaseEvent, GenerateDocumentRequest, Institution } from '../../activities/types';
import { activities, nowIso, type CaseHost } from './case-host';
import type { CaseDocumentRef } from './case-view';
import type { Role } from './roles';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const local = inTurns(proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry }));
/** A PDF of a 43-worker agreement takes well under a second; the heartbeat hands a dead worker's render to another. */
const outbound = proxyActivities<CaseActivities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '30 seconds', retry });

type DocumentOrder = { [K in GenerateDocumentRequest['kind']]: Omit<Extract<GenerateDocumentRequest, { kind: K }>, 'key' | 'caseNo' | 'step'> }[GenerateDocumentRequest['kind']];

export interface Delivery {
  /** the workflow step, unique per sending (e.g. 'review-1'): it keys the documents and the e-mail */
  step: string;
  /** the institution's unit and its clerks' role; with `userId`, that one person (unit and role: where they work) */
  to: { unitId: string; role: Role; userId?: number };
  documents: DocumentOrder[];
  subject: string;
  text: string;
}

export async function findInstitution(unitId: string): Promise<Institution | null> {
  return local.findInstitution({ unitId });
}

/** Whom the documents reach, as the events and the e-mail name them. */
interface Addressee {
  name: string;
  email: string | null;
  /** what keys the e-mail, so each addressee is written to once per step */
  mailKey: string;
  /** what the events say the documents were addressed to */
  data: { unitId: string; userId?: number };
}

async function addressee(to: Delivery['to']): Promise<Addressee> {
  if (to.userId === undefined) {
    const institution = await local.findInstitution({ unitId: to.unitId });
    return { name: institution?.name ?? to.unitId, email: institution?.email ?? null, mailKey: to.unitId, data: { unitId: to.unitId } };
  }
  const lawyer = await local.findLawyer({ userId: to.userId });
  return { name: lawyer?.name ?? `指定收件人（${to.userId}）`, email: lawyer?.email ?? null, mailKey: `user-${to.userId}`, data: { unitId: to.unitId, userId: to.userId } };
}

export async function deliverDocuments(host: CaseHost, d: Delivery): Promise<CaseDocumentRef[]> {
  const to = await addressee(d.to);
  const person = d.to.userId !== undefined ? { addressedUserId: d.to.userId } : {};
  const refs: CaseDocumentRef[] = [];
  for (const doc of d.documents) {
    const req = { ...doc, key: `${host.workflowId}:${d.step}:${doc.kind}`, caseNo: host.caseNo, step: d.step } as GenerateDocumentRequest;
    const made = await outbound.generateDocument(req);
    refs.push({ id: made.id, kind: doc.kind, title: made.title, version: made.version, sha256: made.sha256, addressedTo: d.to.unitId, ...person, received: false });
  }
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    grantAccess: [{ unitId: d.to.unitId, role: d.to.role, reason: 'addressed', ...(d.to.userId !== undefined ? { userId: d.to.userId } : {}) }],
    events: refs.map((r) => host.systemEvent('document_generated', `已生成《${r.title}》（第${r.version}版），送达${to.name}`,
      { documentId: r.id, kind: r.kind, version: r.version, sha256: r.sha256, addressedTo: d.to.unitId, ...person })),
  });
  host.inBackground(mail(host, d, to, refs));
  return refs;
}

async function mail(host: CaseHost, d: Delivery, to: Addressee, refs: CaseDocumentRef[]): Promise<void> {
  let event: CaseEvent;
  if (!to.email) {
    event = host.systemEvent('email_missing', `${to.name}未登记收件邮箱，文书仅在其收件箱中提供`, to.data);
  } else {
    try {
      const sent = await outbound.sendEmail({
        key: `${host.workflowId}:${d.step}:email:${to.mailKey}`, caseNo: host.caseNo,
        to: { address: to.email, name: to.name }, subject: d.subject, text: d.text, documentIds: refs.map((r) => r.id),
      });
      event = host.systemEvent('email_sent', `已通过电子邮件将${refs.length}份文书发送至${to.name}（${to.email}）`,
        { to: to.email, messageId: sent.messageId, documentIds: refs.map((r) => r.id), sentAt: sent.sentAt });
    } catch (err) {
      // Only a refusal for good ends here (everything else is retried by the server until it leaves).
      if (!(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure)) throw err;
      event = host.systemEvent('email_rejected', `发送至${to.name}的邮件被拒收（${err.cause.message}），请核对收件邮箱`, { to: to.email });
    }
  }
  await activities.persistTransition({ caseNo: host.caseNo, at: nowIso(), events: [event] });
}
