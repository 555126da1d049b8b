/**
 * A document addressed to one person (a legal-aid lawyer's 指派函), on the real engine, activities, SMTP and API:
 * the core's delivery grants the case to that lawyer alone, records `addressedUserId`, e-mails the lawyer's own
 * address (or records that they have none), and the inbox lists the document for that lawyer only, not for another
 * lawyer of the same unit, who cannot download it either. Institutions' clerks keep their inbox as before.
 */
import { randomBytes } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { createEmailTransport, type EmailTransport } from '../../activities/email/transport';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { temporalConfig } from '../../temporal.config';
import type { CaseDocumentRef } from '../../workflows/shared/case-view';
import type { Delivery } from '../../workflows/shared/deliver-documents';
import { browser } from '../helpers/browser';
import { documentData } from '../helpers/document-fixtures';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { deliverForTest } from '../helpers/workflows/deliver';

/** one case for each lawyer: each is granted their own, and neither sees the other's */
const CASE_A = 'MA8000000001';
const CASE_B = 'MA8000000002';
const A_EMAIL = 'lawyer-a@zhijiang-law.example';
let sys: System;
let smtp: FakeSmtpServer;
let transport: EmailTransport;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;
let api: ReturnType<typeof apiClient>;
const ids: Record<'a' | 'b', number> = { a: 0, b: 0 };

async function addLawyer(username: string, name: string, phone: string, firm: string, email: string | null) {
  const first = await sys.db.selectFrom('staff_users').select('password_hash').where('username', '=', 'xihu.ls').executeTakeFirstOrThrow();
  const row = await sys.db.insertInto('staff_users').values({
    username, display_name: name, role: 'legal_aid_lawyer', org_unit_id: 'd-xihu', phone, password_hash: first.password_hash, department: null,
  }).returning('id').executeTakeFirstOrThrow();
  await sys.db.insertInto('lawyer_profiles').values({ user_id: row.id, firm, email }).execute();
  return row.id;
}

async function deliver(caseNo: string, to: Delivery['to']): Promise<CaseDocumentRef[]> {
  const delivery: Delivery = {
    step: 'assign-1', to, documents: [{ kind: 'transfer-letter', data: documentData['transfer-letter'] }],
    subject: `案件 ${caseNo} 指派函`, text: `现将案件 ${caseNo} 的指派函随函发送，请查收。`,
  };
  return sys.temporal.workflow.execute(deliverForTest, {
    taskQueue, workflowId: `deliver-${caseNo}`, args: [{ caseNo, districtId: 'd-xihu', streetId: 's-cuiyuan', delivery }],
  });
}

async function openCase(caseNo: string) {
  const at = new Date().toISOString();
  await createPersistTransition(sys.db)({
    caseNo, at,
    createCase: {
      kind: 'mediation', workflowId: `mediation-${caseNo}`, districtId: 'd-xihu', streetId: 's-cuiyuan', enterpriseId: 'e-jianzhu',
      enterpriseName: '杭州城建建筑工程有限公司', complainantName: '何某等3人', complainantPhone: '13905921234', description: '拖欠工资',
      claimedFen: 3_000_000, workerCount: 3, createdAt: at, stage: 'mediating', level: 'station',
    },
  });
}

const events = (caseNo: string, type: string) => sys.db.selectFrom('case_events').select(['summary', 'data']).where('case_no', '=', caseNo)
  .where('type', '=', type).orderBy('id').execute();

beforeAll(async () => {
  sys = await startSystem('toperson');
  api = apiClient(sys.baseUrl);
  smtp = await startFakeSmtpServer();
  transport = createEmailTransport({ url: smtp.url, timeoutMs: 5_000 });
  ids.a = await addLawyer('xihu.lsa', '法律援助律师甲律师', '13600000021', '浙江之江律师事务所', A_EMAIL);
  ids.b = await addLawyer('xihu.lsb', '法律援助律师乙律师', '13600000022', '浙江钱塘律师事务所', null);
  await openCase(CASE_A);
  await openCase(CASE_B);
  taskQueue = `gq-test-deliver-${randomBytes(4).toString('hex')}`;
  connection = await NativeConnection.connect({ address: temporalConfig.address });
  worker = await Worker.create({
    connection, namespace: temporalConfig.namespace, taskQueue, dataConverter: gongqingDataConverter(),
    workflowsPath: fileURLToPath(new URL('../helpers/workflows/deliver.ts', import.meta.url)),
    activities: createActivities({ db: sys.db, mail: transport }),
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await connection?.close();
  transport?.close();
  await smtp?.close();
  await sys?.stop();
});

describe('documents addressed to one lawyer', () => {
  let toA: CaseDocumentRef[];
  let toB: CaseDocumentRef[];

  it('grant the case to that lawyer alone, record the addressee and e-mail the lawyer\'s own address', async () => {
    toA = await deliver(CASE_A, { unitId: 'd-xihu', role: 'legal_aid_lawyer', userId: ids.a });
    toB = await deliver(CASE_B, { unitId: 'd-xihu', role: 'legal_aid_lawyer', userId: ids.b });
    expect(toA).toMatchObject([{ kind: 'transfer-letter', addressedTo: 'd-xihu', addressedUserId: ids.a, received: false }]);

    const grants = await sys.db.selectFrom('case_access').select(['case_no', 'unit_id', 'role', 'user_id', 'reason'])
      .where('case_no', 'in', [CASE_A, CASE_B]).orderBy('case_no').execute();
    expect(grants).toEqual([
      { case_no: CASE_A, unit_id: 'd-xihu', role: 'legal_aid_lawyer', user_id: ids.a, reason: 'addressed' },
      { case_no: CASE_B, unit_id: 'd-xihu', role: 'legal_aid_lawyer', user_id: ids.b, reason: 'addressed' },
    ]);
    const made = await events(CASE_A, 'document_generated');
    expect(made.map((e) => e.data)).toEqual([
      { documentId: toA[0].id, kind: 'transfer-letter', version: 1, sha256: toA[0].sha256, addressedTo: 'd-xihu', addressedUserId: ids.a },
    ]);
    expect(made[0].summary).toContain('送达法律援助律师甲律师');

    const mail = await smtp.waitFor((m) => m.to.includes(A_EMAIL));
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].sha256).toBe(toA[0].sha256);
    expect((await events(CASE_A, 'email_sent')).map((e) => e.data)).toMatchObject([{ to: A_EMAIL, documentIds: [toA[0].id] }]);
    // B has no address on record: the case says so, naming the lawyer, and nothing is mailed anywhere else.
    expect(await events(CASE_B, 'email_missing')).toEqual([
      { summary: '法律援助律师乙律师未登记收件邮箱，文书仅在其收件箱中提供', data: { unitId: 'd-xihu', userId: ids.b } },
    ]);
    expect(smtp.received).toHaveLength(1);
  });

  it('are in that lawyer\'s inbox, page and JSON, and not in another lawyer\'s of the same unit', async () => {
    const a = await api.login('xihu.lsa');
    const b = await api.login('xihu.lsb');
    const listed = async (token: string) => ((await api.call('GET', '/api/v1/documents', undefined, token)).body.documents as { id: number }[]).map((d) => Number(d.id));
    expect(await listed(a)).toEqual([toA[0].id]);
    expect(await listed(b)).toEqual([toB[0].id]);
    // The first lawyer of the district was sent nothing.
    expect(await listed(await api.login('xihu.ls'))).toEqual([]);

    const pageA = browser(sys.baseUrl);
    await pageA.signIn('xihu.lsa');
    const inboxA = await pageA.open('/staff/documents');
    expect(inboxA.status).toBe(200);
    expect(inboxA.html).toContain(`/staff/documents/${toA[0].id}`);
    expect(inboxA.html).not.toContain(`/staff/documents/${toB[0].id}`);
    expect(inboxA.html).toContain('送达您本人的文书');
    const pageB = browser(sys.baseUrl);
    await pageB.signIn('xihu.lsb');
    const inboxB = await pageB.open('/staff/documents');
    expect(inboxB.status).toBe(200);
    expect(inboxB.html).not.toContain(`/staff/documents/${toA[0].id}`);
  });

  it('download for that lawyer only', async () => {
    const a = await api.login('xihu.lsa');
    const got = await fetch(`${sys.baseUrl}/api/v1/documents/${toA[0].id}`, { headers: { authorization: `Bearer ${a}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('x-content-sha256')).toBe(toA[0].sha256);
    const b = await api.login('xihu.lsb');
    expect((await api.call('GET', `/api/v1/documents/${toA[0].id}`, undefined, b)).status).toBe(404);
    const pageB = browser(sys.baseUrl);
    await pageB.signIn('xihu.lsb');
    expect((await pageB.open(`/staff/documents/${toA[0].id}`)).status).toBe(404);
    // Receipt of another's document is refused as one that does not exist.
    expect((await api.call('POST', `/api/v1/documents/${toA[0].id}/receipt`, undefined, b)).status).toBe(404);
  });

  it('leave the inbox of a lawyer whose grant was revoked (replaced by another)', async () => {
    await createPersistTransition(sys.db)({ caseNo: CASE_A, at: new Date().toISOString(), revokeAccess: [{ userId: ids.a }] });
    const a = await api.login('xihu.lsa');
    expect((await api.call('GET', '/api/v1/documents', undefined, a)).body.documents).toEqual([]);
    expect((await api.call('GET', `/api/v1/documents/${toA[0].id}`, undefined, a)).status).toBe(404);
  });

  it('leave the institutions\' inboxes as they were', async () => {
    const clerk = await api.login('xihu.zc');
    expect((await api.call('GET', '/api/v1/documents', undefined, clerk)).body.documents).toEqual([]);
  });
});
