/**
 * Sending legal documents to an institution, for every case kind: make each PDF (an activity keeps it with its hash,
 * step and version), let the institution's clerks see the case (addressed), e-mail the PDFs to the institution's
 * address, and record each of these as events. The clerks can open the documents in their inbox as soon as they are
 * made: a mail server that is down delays only the e-mail (retried until it leaves), never the case.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities, CaseEvent, GenerateDocumentRequest, Institution } from '../../activities/types';
import { activities, nowIso, type CaseHost } from './case-host';
import type { CaseDocumentRef } from './case-view';
import type { Role } from './roles';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const local = proxyLocalActivities<CaseActivities>({ startToCloseTimeout: '10 seconds', retry });
/** A PDF of a 43-worker agreement takes well under a second; the heartbeat hands a dead worker's render to another. */
const outbound = proxyActivities<CaseActivities>({ startToCloseTimeout: '2 minutes', heartbeatTimeout: '30 seconds', retry });

type DocumentOrder = { [K in GenerateDocumentRequest['kind']]: Omit<Extract<GenerateDocumentRequest, { kind: K }>, 'key' | 'caseNo' | 'step'> }[GenerateDocumentRequest['kind']];

export interface Delivery {
  /** the workflow step, unique per sending (e.g. 'review-1'): it keys the documents and the e-mail */
  step: string;
  to: { unitId: string; role: Role };
  documents: DocumentOrder[];
  subject: string;
  text: string;
}

export async function findInstitution(unitId: string): Promise<Institution | null> {
  return local.findInstitution({ unitId });
}

export async function deliverDocuments(host: CaseHost, d: Delivery): Promise<CaseDocumentRef[]> {
  const institution = await local.findInstitution({ unitId: d.to.unitId });
  const refs: CaseDocumentRef[] = [];
  for (const doc of d.documents) {
    const req = { ...doc, key: `${host.workflowId}:${d.step}:${doc.kind}`, caseNo: host.caseNo, step: d.step } as GenerateDocumentRequest;
    const made = await outbound.generateDocument(req);
    refs.push({ id: made.id, kind: doc.kind, title: made.title, version: made.version, sha256: made.sha256, addressedTo: d.to.unitId, received: false });
  }
  const name = institution?.name ?? d.to.unitId;
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    grantAccess: [{ unitId: d.to.unitId, role: d.to.role, reason: 'addressed' }],
    events: refs.map((r) => host.systemEvent('document_generated', `已生成《${r.title}》（第${r.version}版），送达${name}`,
      { documentId: r.id, kind: r.kind, version: r.version, sha256: r.sha256, addressedTo: d.to.unitId })),
  });
  host.inBackground(mail(host, d, institution, refs));
  return refs;
}

async function mail(host: CaseHost, d: Delivery, institution: Institution | null, refs: CaseDocumentRef[]): Promise<void> {
  let event: CaseEvent;
  if (!institution?.email) {
    event = host.systemEvent('email_missing', `${institution?.name ?? d.to.unitId}未登记收件邮箱，文书仅在其收件箱中提供`, { unitId: d.to.unitId });
  } else {
    try {
      const sent = await outbound.sendEmail({
        key: `${host.workflowId}:${d.step}:email:${d.to.unitId}`, caseNo: host.caseNo,
        to: { address: institution.email, name: institution.name }, subject: d.subject, text: d.text, documentIds: refs.map((r) => r.id),
      });
      event = host.systemEvent('email_sent', `已通过电子邮件将${refs.length}份文书发送至${institution.name}（${institution.email}）`,
        { to: institution.email, messageId: sent.messageId, documentIds: refs.map((r) => r.id), sentAt: sent.sentAt });
    } catch (err) {
      // Only a refusal for good ends here (everything else is retried by the server until it leaves).
      if (!(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure)) throw err;
      event = host.systemEvent('email_rejected', `发送至${institution.name}的邮件被拒收（${err.cause.message}），请核对收件邮箱`, { to: institution.email });
    }
  }
  await activities.persistTransition({ caseNo: host.caseNo, at: nowIso(), events: [event] });
}
