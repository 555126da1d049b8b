import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { loadPdfAttachments, type PdfAttachment } from './attachments';
import { smtpRefusal } from './smtp-errors';
import type { EmailTransport } from './transport';
import { heartbeatWhile } from '../shared/heartbeat-while';

export interface EmailRequest {
  /** workflow id + step + recipient: one e-mail per key, ever */
  key: string;
  caseNo: string;
  to: { address: string; name: string };
  subject: string;
  text: string;
  /** rows of `documents` of this case, attached as PDFs in this order */
  documentIds: number[];
}

export interface EmailResult {
  /** the Message-ID header the receiving system files the mail under */
  messageId: string;
  sentAt: string;
}

/**
 * The Message-ID of the e-mail for a key. It is derived, not random, so a retry after the server took the message but
 * before we recorded that carries the same id, and a receiving system that files by Message-ID (archives and case
 * systems do) keeps one copy.
 */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex')}@gongqing.local>`;
}

/**
 * Sends an e-mail with its PDFs through the outbox, idempotent by key: the row is written once (unique key) and what
 * goes out is what the row says, also on a retry; a row already sent answers with its recorded result and sends
 * nothing. On success the row records Message-ID and time, and every attached document is marked sent (from then on a
 * database trigger keeps its bytes final: what the institute received is what we keep).
 *
 * A permanent refusal (a 5xx about the envelope or the message) is recorded as `rejected` and fails for good
 * (`EmailRejected`); anything else (4xx, no connection, a timeout) records its error and fails to be retried.
 */
export function createSendEmail(db: Kysely<Database>, transport: EmailTransport) {
  return async function sendEmail(req: EmailRequest): Promise<EmailResult> {
    await db.insertInto('email_outbox')
      .values({
        idempotency_key: req.key, case_no: req.caseNo, recipient: req.to.address, recipient_name: req.to.name,
        subject: req.subject, body: req.text, document_ids: req.documentIds, status: 'pending', attempts: 0,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    const row = await db.selectFrom('email_outbox').selectAll().where('idempotency_key', '=', req.key).executeTakeFirstOrThrow();
    if (row.status === 'sent') return recorded(row);
    if (row.status === 'rejected') throw rejected(row.last_error ?? '邮件被拒收');

    let attachments: PdfAttachment[];
    try {
      attachments = await loadPdfAttachments(db, row.case_no, row.document_ids);
    } catch (err) {
      await recordFailure(db, row.idempotency_key, String((err as Error)?.message ?? err));
      throw err;
    }

    const messageId = messageIdFor(row.idempotency_key);
    try {
      await heartbeatWhile(transport.mailer.sendMail({
        from: transport.from,
        to: { name: row.recipient_name, address: row.recipient },
        subject: row.subject,
        text: row.body,
        messageId,
        date: row.created_at, // the same Date header on every attempt: a retry is the same message
        attachments,
      }));
    } catch (err) {
      const refusal = smtpRefusal(err);
      const error = String((err as Error)?.message ?? err);
      await recordFailure(db, row.idempotency_key, refusal ?? error, refusal ? 'rejected' : undefined);
      if (refusal) throw rejected(refusal);
      throw ApplicationFailure.retryable(`e-mail not sent, will retry: ${error}`, 'EmailDeferred');
    }

    const sentAt = new Date();
    await db.transaction().execute(async (tx) => {
      const marked = await tx.updateTable('email_outbox')
        .set((eb) => ({ status: 'sent', message_id: messageId, sent_at: sentAt, attempts: eb('attempts', '+', 1), last_error: null }))
        .where('idempotency_key', '=', row.idempotency_key).where('status', '!=', 'sent').executeTakeFirst();
      if (marked.numUpdatedRows > 0n && row.document_ids.length > 0) {
        await tx.updateTable('documents').set({ sent_at: sentAt }).where('id', 'in', row.document_ids).where('sent_at', 'is', null).execute();
      }
    });
    // Whoever recorded the send first (this attempt or a concurrent one) is the answer every attempt gives.
    return recorded(await db.selectFrom('email_outbox').selectAll().where('idempotency_key', '=', row.idempotency_key).executeTakeFirstOrThrow());
  };
}

/**
 * Records a failed attempt on a row still pending: a late failure of an attempt that lost the race to a successful
 * one must not undo the record of the send.
 */
async function recordFailure(db: Kysely<Database>, key: string, error: string, status?: 'rejected') {
  await db.updateTable('email_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500), ...(status ? { status } : {}) }))
    .where('idempotency_key', '=', key).where('status', '=', 'pending').execute();
}

function recorded(row: { message_id: string | null; sent_at: Date | null }): EmailResult {
  return { messageId: row.message_id ?? '', sentAt: (row.sent_at ?? new Date(0)).toISOString() };
}

function rejected(reason: string) {
  return ApplicationFailure.nonRetryable(reason, 'EmailRejected');
}
