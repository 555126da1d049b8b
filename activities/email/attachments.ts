import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface PdfAttachment { filename: string; content: Buffer; contentType: 'application/pdf' }

/** A title as a file name every mail client and file system accepts; the original title stays in the database. */
export const pdfFileName = (title: string) => `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || '文书'}.pdf`;

/**
 * The stored documents of one case as PDF attachments, in the order asked. A wrong id, another case's document or
 * bytes that no longer match their recorded SHA-256 fail for good (`EmailDocumentMissing`, `EmailDocumentCorrupt`):
 * another case's papers must never ride along to a court, and no retry mends a bug or a damaged row.
 */
export async function loadPdfAttachments(db: Kysely<Database>, caseNo: string | null, ids: number[]): Promise<PdfAttachment[]> {
  if (ids.length === 0) return [];
  const docs = await db.selectFrom('documents').select(['id', 'case_no', 'title', 'sha256', 'bytes']).where('id', 'in', ids).execute();
  return ids.map((id) => {
    const doc = docs.find((d) => Number(d.id) === Number(id));
    if (!doc || doc.case_no !== caseNo) {
      throw ApplicationFailure.nonRetryable(`文书 ${id} 不存在或不属于案件 ${caseNo ?? '（无）'}，邮件未发送`, 'EmailDocumentMissing');
    }
    if (createHash('sha256').update(doc.bytes).digest('hex') !== doc.sha256) {
      throw ApplicationFailure.nonRetryable(`文书 ${id} 的内容与登记的 SHA-256 不符，邮件未发送`, 'EmailDocumentCorrupt');
    }
    return { filename: pdfFileName(doc.title), content: doc.bytes, contentType: 'application/pdf' };
  });
}
