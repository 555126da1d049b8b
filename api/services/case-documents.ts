/**
 * Documents as staff reach them: an institution's clerks see only what was addressed to their institution; the
 * union's line and the station's mediators see the documents of the cases they may see. Receipt is a command on the
 * case (recorded with who confirmed), so it works the same for every case kind.
 */
import type { Client } from '@temporalio/client';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { readDocument } from '../../activities/documents';
import { documentAddressedTo, documentsAddressedTo } from '../../db/queries/addressed-documents';
import { findVisibleCase } from '../../db/queries/cases';
import type { SignedInStaff } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { notFound } from '../errors';
import { actOnCase } from './cases';
import { actorOf, viewerOf } from './viewer';

/** Roles that stand for an institution the documents are addressed to. */
const CLERK_ROLES = new Set(['arbitration_clerk', 'court_clerk', 'procurator']);

/** Whether the inbox is a person's own (a lawyer's) rather than an institution's: the page then says so. */
export const personalInbox = (staff: SignedInStaff) => !CLERK_ROLES.has(staff.role);

/** An inbox's reader: the unit's documents, and those addressed to this person by name (a lawyer's 指派函). */
const readerOf = (staff: SignedInStaff) => ({ unitId: staff.org_unit_id, userId: staff.id });

export async function inboxDocuments(db: Kysely<Database>, staff: SignedInStaff) {
  return documentsAddressedTo(db, readerOf(staff));
}

/** The PDF, if this person may have it; otherwise the same 404 as for a document that does not exist. */
export async function documentForStaff(db: Kysely<Database>, staff: SignedInStaff, id: number) {
  if (CLERK_ROLES.has(staff.role)) {
    if (!(await documentAddressedTo(db, id, readerOf(staff)))) throw notFound('文书（或未送达贵单位）');
  }
  const doc = await readDocument(db, id);
  if (!doc) throw notFound('文书（或未送达贵单位）');
  if (!CLERK_ROLES.has(staff.role) && !(await findVisibleCase(db, doc.caseNo, viewerOf(staff)))) throw notFound('文书（或未送达贵单位）');
  return doc;
}

export async function confirmReceipt(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, id: number, idempotencyKey?: string) {
  const addressed = await documentAddressedTo(db, id, readerOf(staff));
  if (!addressed) throw notFound('文书（或未送达贵单位）');
  return actOnCase(temporal, addressed.case_no, { action: 'confirmReceipt', actor: actorOf(staff), payload: { documentId: id } }, idempotencyKey ?? `receipt-${id}`);
}

/** A stored document as a download: its hash in a header, so the receiver can check it against what arrived by e-mail. */
export function sendDocument(reply: FastifyReply, doc: Awaited<ReturnType<typeof documentForStaff>>) {
  return reply.type('application/pdf').header('x-content-sha256', doc.sha256)
    .header('content-disposition', `attachment; filename="${doc.caseNo}-${doc.kind}-v${doc.version}.pdf"; filename*=UTF-8''${encodeURIComponent(`${doc.title}-${doc.caseNo}.pdf`)}`)
    .send(doc.bytes);
}
