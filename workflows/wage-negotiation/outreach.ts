/**
 * Telling people of the round: SMS to a list of contacts (one message per key, ever) and e-mail to those who gave an
 * address. E-mail leaves in the background and is retried while the mail server is down; the case records each one.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities, Contact } from '../../activities/types';
import { activities, nowIso } from '../shared/case-host';
import type { RoundParts } from './parts';

const { sendEmail } = proxyActivities<Pick<CaseActivities, 'sendEmail'>>({
  startToCloseTimeout: '2 minutes', heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function textContacts(p: RoundParts, contacts: Contact[], step: string, template: string, vars: Record<string, unknown>): Promise<void> {
  if (contacts.length === 0) return;
  await p.host.sendSms(() => activities.sendSmsBatch(contacts.map((to) => ({
    key: `${p.host.workflowId}:${step}:${to.role}:${to.phone}`, caseNo: p.host.caseNo, template, to, vars: { caseNo: p.host.caseNo, ...vars },
  }))));
}

export async function mailContacts(p: RoundParts, contacts: Contact[], step: string, subject: string, text: string): Promise<void> {
  for (const to of contacts) {
    if (!to.email) continue;
    let event;
    try {
      const sent = await sendEmail({ key: `${p.host.workflowId}:${step}:email:${to.email}`, caseNo: p.host.caseNo, to: { address: to.email, name: to.name }, subject, text, documentIds: [] });
      event = p.host.systemEvent('email_sent', `已通过电子邮件通知${to.name}（${to.email}）：${subject}`, { to: to.email, messageId: sent.messageId, sentAt: sent.sentAt });
    } catch (err) {
      if (!(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure)) throw err;
      event = p.host.systemEvent('email_rejected', `发送至${to.name}的邮件被拒收（${err.cause.message}），请核对邮箱`, { to: to.email });
    }
    await activities.persistTransition({ caseNo: p.host.caseNo, at: nowIso(), events: [event] });
  }
}
