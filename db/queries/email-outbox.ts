import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { visibleTo, type Viewer } from './cases';

/**
 * The e-mail outbox as the staff page lists it, newest first: only mail of the cases the viewer may see (the union's
 * line its jurisdiction's, a clerk or mediator the cases assigned or addressed to them), each with the documents it
 * carried (title, version, SHA-256) in the order they were attached.
 */
export async function emailOutbox(db: Kysely<Database>, v: Viewer, limit = 200) {
  const rows = await db.selectFrom('email_outbox').innerJoin('cases', 'cases.case_no', 'email_outbox.case_no')
    .select(['email_outbox.id', 'email_outbox.case_no', 'email_outbox.recipient', 'email_outbox.recipient_name', 'email_outbox.subject',
      'email_outbox.status', 'email_outbox.message_id', 'email_outbox.attempts', 'email_outbox.last_error', 'email_outbox.document_ids',
      'email_outbox.created_at', 'email_outbox.sent_at'])
    .where(visibleTo(v)).orderBy('email_outbox.id', 'desc').limit(limit).execute();
  const ids = [...new Set(rows.flatMap((r) => r.document_ids))];
  const docs = ids.length === 0 ? [] : await db.selectFrom('documents').select(['id', 'case_no', 'title', 'version', 'sha256', 'pages']).where('id', 'in', ids).execute();
  const byId = new Map(docs.map((d) => [Number(d.id), d]));
  return rows.map((r) => ({
    ...r,
    // a document of another case never rides along: the outbox's ids are the case's own
    attachments: r.document_ids.map((id) => byId.get(Number(id))).filter((d): d is (typeof docs)[number] => !!d && d.case_no === r.case_no),
  }));
}
