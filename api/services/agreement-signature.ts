/**
 * The mediator records that the paper copies of the agreement were signed and sealed (劳动人事争议仲裁办案规则
 * Art. 74): the scan is checked (PDF, JPEG or PNG by its first bytes, not by what the client says it is), stored with
 * its SHA-256, and the workflow command `recordSignature` names it. Until then the parties' codes are a record of
 * consent only, and the review application says so.
 */
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { kindOfCaseNo } from '../../workflows/kinds';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import type { Actor } from '../../workflows/shared/roles';
import { HttpError } from '../errors';
import { actOnCase, caseView } from './cases';

/** A scan of a few pages at 300 dpi fits; a phone photo of each page too. */
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: string; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** What the file really is, by its first bytes; null for anything but a PDF, JPEG or PNG. */
export function scanType(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => bytes.length > s.magic.length && s.magic.every((b, i) => bytes[i] === b))?.type ?? null;
}

export interface SignatureUpload {
  bytes: Buffer;
  fileName: string;
  signedOn: string;
  signers: string;
}

export async function recordSignature(db: Kysely<Database>, temporal: Client, caseNo: string, by: Actor & { userId: number }, up: SignatureUpload) {
  const contentType = scanType(up.bytes);
  if (!contentType) throw new HttpError(415, '扫描件须为PDF、JPEG或PNG文件', 'InvalidPayload');
  const sha256 = createHash('sha256').update(up.bytes).digest('hex');
  const payload = { signedOn: up.signedOn, signers: up.signers, scan: { id: 0, sha256, contentType, size: up.bytes.length } };
  // Asked before the scan is kept: a case not at this step, or a date in the future, stores nothing.
  const view = await caseView<MediationView>(temporal, caseNo, db);
  kindOfCaseNo(caseNo)!.assertCommandAllowed({ action: 'recordSignature', actor: by, payload } as never, view);
  const row = await db.insertInto('agreement_scans').values({
    case_no: caseNo, sha256, content_type: contentType, file_name: up.fileName.slice(0, 200), size: up.bytes.length, bytes: up.bytes, uploaded_by: by.userId,
  }).returning('id').executeTakeFirstOrThrow();
  return actOnCase<MediationView>(temporal, caseNo, { action: 'recordSignature', actor: by, payload: { ...payload, scan: { ...payload.scan, id: row.id } } }, `signature-${sha256}`);
}
