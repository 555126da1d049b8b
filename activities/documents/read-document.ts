/** Reading a stored document back (to attach it to an e-mail, to offer it for download, to check its hash). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface StoredDocument {
  id: number;
  caseNo: string;
  kind: string;
  version: number;
  step: string;
  title: string;
  sha256: string;
  pages: number;
  bytes: Buffer;
  createdAt: Date;
  sentAt: Date | null;
}

export async function readDocument(db: Kysely<Database>, id: number): Promise<StoredDocument | undefined> {
  const row = await db.selectFrom('documents')
    .select(['id', 'case_no', 'kind', 'version', 'step', 'title', 'sha256', 'pages', 'bytes', 'created_at', 'sent_at'])
    .where('id', '=', id).executeTakeFirst();
  return row && {
    id: row.id, caseNo: row.case_no, kind: row.kind, version: row.version, step: row.step, title: row.title,
    sha256: row.sha256, pages: row.pages, bytes: row.bytes, createdAt: row.created_at, sentAt: row.sent_at,
  };
}
