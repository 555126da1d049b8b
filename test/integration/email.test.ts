/**
 * E-mail to the arbitration institute or the court, end to end over real SMTP on loopback: the outbox row, the
 * documents' bytes as attachments (checked by SHA-256 at the receiving end), and once-only delivery through a lost
 * answer, a permanent refusal (550) and a server that is down (421).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendEmail, messageIdFor, type EmailRequest } from '../../activities/email/send-email';
import { createEmailTransport, type EmailTransport } from '../../activities/email/transport';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { startSystem, type System } from '../helpers/system';

const ARBITRATION = { address: 'zhongcai@arbitration.example', name: '北山区劳动人事争议仲裁院' };
let sys: System;
let smtp: FakeSmtpServer;
let transport: EmailTransport;
let sendEmail: ReturnType<typeof createSendEmail>;

beforeAll(async () => {
  sys = await startSystem('email');
  smtp = await startFakeSmtpServer();
  transport = createEmailTransport({ url: smtp.url, timeoutMs: 5_000 });
  sendEmail = createSendEmail(sys.db, transport);
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await sys?.stop();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PDF's frame around random bytes: every byte value must survive the trip through MIME. */
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(4096), Buffer.from('\n%%EOF\n')]);

async function insertDocument(caseNo: string, kind: string, title: string) {
  const bytes = pdf();
  const row = await sys.db.insertInto('documents').values({
    idempotency_key: `${caseNo}:${kind}:1`, case_no: caseNo, kind, version: 1, step: 'arbitration', title,
    sha256: sha256(bytes), bytes, pages: 1,
  }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), bytes, sha256: sha256(bytes), title };
}

const request = (caseNo: string, documentIds: number[], to = ARBITRATION): EmailRequest => ({
  key: `grievance-${caseNo}:arbitration-referral:${to.address}`, caseNo, to, documentIds,
  subject: `案件 ${caseNo} 仲裁移送材料`, text: `${to.name}：\n\n现将案件 ${caseNo} 的仲裁申请书及证据目录随函发送，请查收。\n\n工情码`,
});

const outbox = (key: string) => sys.db.selectFrom('email_outbox').selectAll().where('idempotency_key', '=', key).executeTakeFirstOrThrow();

async function failure(p: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('sendEmail over SMTP', () => {
  it('delivers two PDFs whose SHA-256 at the receiving end is the stored one, records the send, and sends once', async () => {
    const caseNo = 'GQ-MAIL-0001';
    const docs = [await insertDocument(caseNo, 'arbitration-application', '仲裁申请书'), await insertDocument(caseNo, 'evidence-list', '证据目录')];
    const req = request(caseNo, docs.map((d) => d.id));
    const result = await sendEmail(req);
    expect(result.messageId).toBe(messageIdFor(req.key));
    expect(result.messageId).toMatch(/^<[0-9a-f]{64}@gongqing\.local>$/);

    const mail = await smtp.waitFor((m) => m.messageId === result.messageId);
    expect(mail).toMatchObject({ to: [ARBITRATION.address], names: { [ARBITRATION.address]: ARBITRATION.name }, subject: req.subject, from: 'noreply@gongqing.local' });
    expect(mail.text.trim()).toBe(req.text.trim());
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.size, a.sha256]))
      .toEqual(docs.map((d) => [`${d.title}.pdf`, 'application/pdf', d.bytes.length, d.sha256]));

    const row = await outbox(req.key);
    expect(row).toMatchObject({ status: 'sent', message_id: result.messageId, attempts: 1, last_error: null, recipient: ARBITRATION.address, document_ids: docs.map((d) => d.id) });
    expect(row.sent_at?.toISOString()).toBe(result.sentAt);
    const stored = await sys.db.selectFrom('documents').select(['id', 'sent_at']).where('id', 'in', docs.map((d) => d.id)).execute();
    expect(stored.map((d) => d.sent_at?.toISOString())).toEqual([result.sentAt, result.sentAt]);
    // Sent is final: the trigger refuses new bytes for a document the institute already holds.
    await expect(sys.db.updateTable('documents').set({ bytes: pdf() }).where('id', '=', docs[0].id).execute()).rejects.toThrow(/cannot be changed/);

    // The mailbox page offers the attachment byte for byte.
    const page = await (await fetch(`${smtp.inboxUrl}mailbox/${encodeURIComponent(ARBITRATION.address)}`)).text();
    expect(page).toContain(ARBITRATION.name);
    expect(page).toContain(docs[1].sha256);
    const download = await fetch(`${smtp.inboxUrl}mail/${mail.id}/attachments/0`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(docs[0].sha256);

    // Again with the same key: the recorded answer, no connection, nothing new at the server.
    const connections = smtp.connections;
    await expect(sendEmail(req)).resolves.toEqual(result);
    expect(smtp.connections).toBe(connections);
    expect(smtp.received.filter((m) => m.messageId === result.messageId)).toHaveLength(1);
    expect((await outbox(req.key)).attempts).toBe(1);
  });

  it('files a message once when the sender died after the server took it and the retry sends it again', async () => {
    const caseNo = 'GQ-MAIL-0002';
    const doc = await insertDocument(caseNo, 'arbitration-application', '仲裁申请书');
    const req = request(caseNo, [doc.id]);
    let drop!: (err: Error) => void;
    smtp.behaviour.holdNext = () => new Promise<void>((_, reject) => { drop = reject; });
    const killed = sendEmail(req); // its answer never comes: for the outbox this attempt simply died
    const filed = await smtp.waitFor((m) => m.messageId === messageIdFor(req.key));
    expect((await outbox(req.key)).status).toBe('pending');

    const retry = await sendEmail(req);
    expect(retry.messageId).toBe(filed.messageId);
    expect(smtp.received.filter((m) => m.messageId === filed.messageId)).toHaveLength(1);
    expect(smtp.deliveries.filter((d) => d.messageId === filed.messageId).map((d) => d.duplicate)).toEqual([false, true]);
    expect(await outbox(req.key)).toMatchObject({ status: 'sent', message_id: filed.messageId, last_error: null });

    // When the dead attempt's connection finally breaks, its failure does not undo the record of the send.
    drop(new Error('sender killed'));
    expect((await failure(killed)).nonRetryable).toBe(false);
    expect(await outbox(req.key)).toMatchObject({ status: 'sent', message_id: filed.messageId, attempts: 1, last_error: null });
  });

  it('records a 550 as a permanent refusal and never tries that key again', async () => {
    const caseNo = 'GQ-MAIL-0003';
    const doc = await insertDocument(caseNo, 'arbitration-application', '仲裁申请书');
    const court = { address: 'nobody@court.example', name: '北山区人民法院' };
    smtp.behaviour.rejectAddresses.add(court.address);
    const req = request(caseNo, [doc.id], court);
    const err = await failure(sendEmail(req));
    expect(err).toMatchObject({ type: 'EmailRejected', nonRetryable: true });
    expect(err.message).toMatch(/550/);
    const row = await outbox(req.key);
    expect(row).toMatchObject({ status: 'rejected', attempts: 1, message_id: null, sent_at: null });
    expect(row.last_error).toMatch(/邮件服务器拒收.*550/);
    expect((await sys.db.selectFrom('documents').select('sent_at').where('id', '=', doc.id).executeTakeFirstOrThrow()).sent_at).toBeNull();

    const connections = smtp.connections;
    expect(await failure(sendEmail(req))).toMatchObject({ type: 'EmailRejected', nonRetryable: true, message: row.last_error });
    expect(smtp.connections).toBe(connections);
    expect(smtp.mailbox(court.address)).toHaveLength(0);
  });

  it('records a 421 and fails to be retried, then sends once the server is back', async () => {
    const caseNo = 'GQ-MAIL-0004';
    const doc = await insertDocument(caseNo, 'arbitration-application', '仲裁申请书');
    const req = request(caseNo, [doc.id]);
    smtp.behaviour.down = true;
    const err = await failure(sendEmail(req));
    expect(err).toMatchObject({ type: 'EmailDeferred', nonRetryable: false });
    expect(await outbox(req.key)).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/421/) });

    smtp.behaviour.down = false;
    const result = await sendEmail(req);
    expect(await outbox(req.key)).toMatchObject({ status: 'sent', attempts: 2, last_error: null, message_id: result.messageId });
    expect(smtp.received.filter((m) => m.messageId === result.messageId)).toHaveLength(1);
  });

  it('retries a refused login (535: our configuration) instead of giving the e-mail up', async () => {
    const guarded = await startFakeSmtpServer({ auth: { user: 'gongqing', pass: 'right' } });
    const wrong = createEmailTransport({ url: `smtp://gongqing:wrong@127.0.0.1:${guarded.smtpPort}`, timeoutMs: 5_000 });
    const right = createEmailTransport({ url: `smtp://gongqing:right@127.0.0.1:${guarded.smtpPort}`, timeoutMs: 5_000 });
    try {
      const caseNo = 'GQ-MAIL-0006';
      const req = request(caseNo, [(await insertDocument(caseNo, 'arbitration-application', '仲裁申请书')).id]);
      expect(await failure(createSendEmail(sys.db, wrong)(req))).toMatchObject({ type: 'EmailDeferred', nonRetryable: false });
      expect(await outbox(req.key)).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/535/) });
      await createSendEmail(sys.db, right)(req);
      expect(guarded.mailbox(ARBITRATION.address)).toHaveLength(1);
    } finally {
      wrong.close();
      right.close();
      await guarded.close();
    }
  });

  it('refuses to attach another case\'s document', async () => {
    const other = await insertDocument('GQ-MAIL-0099', 'arbitration-application', '仲裁申请书');
    const req = request('GQ-MAIL-0005', [other.id]);
    const connections = smtp.connections;
    expect(await failure(sendEmail(req))).toMatchObject({ type: 'EmailDocumentMissing', nonRetryable: true });
    expect(smtp.connections).toBe(connections);
    expect(await outbox(req.key)).toMatchObject({ status: 'pending', last_error: expect.stringContaining('不属于案件') });
  });
});
