/**
 * Reads the mediator's upload of a signed agreement (multipart/form-data: the fields signedOn and signers, and one
 * file `scan`) into what recordSignature takes, refusing in zh-CN what cannot be: no file, a file over the limit, a
 * field missing or malformed. Shared by the JSON route and the case page's form.
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors';
import { SCAN_MAX_BYTES, type SignatureUpload } from './agreement-signature';

const bad = (message: string) => new HttpError(400, message, 'InvalidPayload');

export async function readSignatureUpload(req: FastifyRequest): Promise<SignatureUpload> {
  if (!req.isMultipart()) throw new HttpError(415, '请以 multipart/form-data 上传签名盖章后的扫描件', 'InvalidPayload');
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: SCAN_MAX_BYTES, files: 1, fields: 10, fieldSize: 2000 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'scan') { await part.toBuffer(); continue; }
        file = { bytes: await part.toBuffer(), fileName: part.filename || 'scan' };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `扫描件不能超过${SCAN_MAX_BYTES / 1024 / 1024}MB`, 'InvalidPayload');
    if (code.startsWith('FST_')) throw bad('上传的内容不完整或格式不正确，请重新上传');
    throw err;
  }
  return checkedUpload(fields, file);
}

/** The case page's form, read whole by @fastify/multipart (attachFieldsToBody: 'keyValues', so its CSRF token is checked). */
export function signatureFromForm(body: unknown): SignatureUpload {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return checkedUpload({ signedOn: text(b.signedOn), signers: text(b.signers) }, Buffer.isBuffer(b.scan) ? { bytes: b.scan, fileName: 'scan' } : null);
}

function checkedUpload(fields: Record<string, string>, file: { bytes: Buffer; fileName: string } | null): SignatureUpload {
  if (!file || file.bytes.length === 0) throw bad('请选择签名盖章后的调解协议扫描件（PDF、JPEG或PNG）');
  const signedOn = (fields.signedOn ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) throw bad('请填写签署日期（年-月-日）');
  const signers = (fields.signers ?? '').trim();
  if (!signers) throw bad('请填写签名盖章的当事人、调解员');
  if (signers.length > 500) throw bad('签名盖章的人不能超过500字');
  return { ...file, signedOn, signers };
}
