/**
 * A new case's intake texts written by the statement that writes the case (activities/sms/texts-with-the-case.ts): the
 * outbox must hold what the two steps it replaces stored (the creation, then the fan-out), row for row and in the same
 * order, the worker's link with them, kept by the outbox adapter or handed to a gateway (the loopback one,
 * scripts/fake-sms-gateway.ts); and a retry, or texts it cannot write, must leave the case to those two steps, with
 * nobody texted twice.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContactLookup } from '../../activities/persistence/contacts';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import { hashToken } from '../../activities/secrets/hash';
import { workerLinks } from '../../activities/secrets/worker-link';
import { createPersistThenFanOut } from '../../activities/sms/fan-out-after-transition';
import { createSendSmsFanOut } from '../../activities/sms/fan-out';
import { outboxOnlyGateway, type SmsGateway } from '../../activities/sms/gateway';
import { httpGateway } from '../../activities/sms/http-gateway';
import { createSendSmsBatch } from '../../activities/sms/send-sms';
import { createCaseWithTexts, intakeTextParts } from '../../activities/sms/texts-with-the-case';
import type { SmsFanOut, Transition } from '../../activities/types';
import { seedDemo } from '../../db/seed/seed-demo';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../scripts/fake-sms-gateway';
import { countingStatements } from '../helpers/counting-db';
import { useMigratedDatabase } from '../helpers/migrated-database';

const held = useMigratedDatabase('texts_with_case');
const links = workerLinks(Buffer.alloc(32, 7), 'https://gq.example');
let phones: FakeSmsGateway;
let gateway: SmsGateway;

beforeAll(async () => {
  phones = await startFakeSmsGateway();
  gateway = httpGateway({ url: phones.url });
  await seedDemo(held.db);
  // A second caseworker of the street (a higher id: not the post's primary holder) and a street chair who left.
  await sql`insert into staff_users (username, display_name, role, org_unit_id, phone, password_hash, active)
    select 'beishan.sg2', '第二名社工', role, org_unit_id, '13900000001', password_hash, true from staff_users where username = 'beishan.sg'`.execute(held.db);
  await held.db.updateTable('staff_users').set({ active: false }).where('username', '=', 'beishan.zx').execute();
});

afterAll(async () => {
  await phones?.close();
});

const AT = new Date(Date.UTC(2026, 11, 7, 8, 0, 0)).toISOString();

function creation(caseNo: string, name = '张三'): Transition {
  return {
    caseNo, at: AT,
    createCase: {
      kind: 'grievance', workflowId: `grievance-${caseNo}`, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
      enterpriseName: '西湖精密机械有限公司', category: 'unpaid_wages', complainantName: name, complainantPhone: '13812345678',
      description: '拖欠工资', claimedFen: 1_200_000, workerCount: 3, createdAt: AT, stage: 'contact', level: 'street',
    },
    events: [{ key: `grievance-${caseNo}#1`, seq: 1, type: 'filed', actor: name, actorRole: 'worker', summary: '职工提交诉求', data: {}, at: AT }],
    openTask: { taskId: `grievance-${caseNo}/contact/1`, kind: 'contact', title: '联系职工', role: 'street_caseworker', unitId: 's-beishan', department: null, dueAt: AT },
  };
}

function fanOut(caseNo: string, enterprise = '西湖精密机械有限公司'): SmsFanOut {
  const vars = { caseNo, enterprise, category: 'unpaid_wages', workerCount: 3, claimedFen: 1_200_000 };
  return {
    posts: [{ unitId: 's-beishan', roles: ['street_caseworker', 'street_chair'] }, { unitId: 'd-xihu', roles: ['district_staff', 'supervising_leader', 'district_chair'] }],
    message: { keyPrefix: `grievance-${caseNo}:intake`, caseNo, template: 'intake-notice', vars },
    direct: [{ key: `grievance-${caseNo}:receipt`, caseNo, template: 'intake-receipt', to: { role: 'worker', name: '张三', phone: '13812345678' }, vars, secret: 'worker-link' }],
  };
}

const counting = () => countingStatements(held.db);

/** The case's texts in the order written, with its case number taken out, and whether its link was stored. */
async function textsOf(caseNo: string) {
  const rows = await held.db.selectFrom('sms_outbox')
    .select(['idempotency_key', 'case_no', 'template', 'recipient_phone', 'recipient_name', 'recipient_role', 'secret', 'status', 'attempts', 'body', 'last_error'])
    .where('case_no', '=', caseNo).orderBy('id').execute();
  const link = await held.db.selectFrom('worker_links').select('case_no').where('token_hash', '=', hashToken(links.tokenFor(caseNo))).execute();
  return { texts: JSON.parse(JSON.stringify(rows).replaceAll(caseNo, 'N')) as unknown[], linked: link.length };
}

function twoSteps(db = held.db, sms: SmsGateway = outboxOnlyGateway) {
  const { findPostHolders } = createContactLookup(db);
  return createPersistThenFanOut(createPersistTransition(db), createSendSmsFanOut(findPostHolders, createSendSmsBatch(db, sms, links)));
}

function atOnce(db = held.db, sms: SmsGateway = outboxOnlyGateway) {
  const { findPostHolders } = createContactLookup(db);
  return createPersistThenFanOut(createPersistTransition(db), createSendSmsFanOut(findPostHolders, createSendSmsBatch(db, sms, links)),
    undefined, createCaseWithTexts(db, sms, links));
}

describe('a new case’s intake texts written with the case', () => {
  it('is one statement, storing what the two steps store, text for text and in their order, with the link', async () => {
    const { db, sent } = counting();
    expect(await atOnce(db)({ transition: creation('GQTEXTS0001'), fanOut: fanOut('GQTEXTS0001') })).toEqual({ sent: { rejected: [] } });
    expect(sent).toHaveLength(1);
    expect(await twoSteps()({ transition: creation('GQTEXTS0002'), fanOut: fanOut('GQTEXTS0002') })).toEqual({ sent: { rejected: [] } });
    const one = await textsOf('GQTEXTS0001');
    expect(one).toEqual(await textsOf('GQTEXTS0002'));
    expect(one.linked).toBe(1);
    // The posts' primary active holders, as the lookup of the two steps names them, then the receipt.
    const holders = await createContactLookup(held.db).findPostHolders(fanOut('X').posts);
    expect(holders.map((h) => h.role)).not.toContain('street_chair');
    expect(one.texts.map((t) => (t as { recipient_name: string }).recipient_name)).toEqual([...holders.map((h) => h.name), '张三']);
    expect(one.texts).toContainEqual(expect.objectContaining({ recipient_role: 'worker', secret: 'worker-link', status: 'stored' }));
  });

  it('leaves a retry to the two steps: the case and its texts once, nobody texted twice', async () => {
    const caseNo = 'GQTEXTS0003';
    await atOnce()({ transition: creation(caseNo), fanOut: fanOut(caseNo) });
    const first = await textsOf(caseNo);
    const { db, sent } = counting();
    expect(await atOnce(db)({ transition: creation(caseNo), fanOut: fanOut(caseNo) })).toEqual({ sent: { rejected: [] } });
    expect(sent.length).toBeGreaterThan(1);
    expect(await textsOf(caseNo)).toEqual(first);
    expect(await held.db.selectFrom('case_events').select('id').where('case_no', '=', caseNo).execute()).toHaveLength(1);
  });

  it('writes no texts for a case it did not write, and none of a case the statement refused', async () => {
    expect(await createCaseWithTexts(held.db, outboxOnlyGateway, links)({ ...creation('GQTEXTS0004'), grantAccess: [] }, fanOut('GQTEXTS0004'))).toBeNull();
    expect(await textsOf('GQTEXTS0004')).toEqual({ texts: [], linked: 0 });
    const refused = creation('GQTEXTS0005');
    refused.openTask = { ...refused.openTask!, unitId: 'no-such-unit' };
    await expect(createCaseWithTexts(held.db, outboxOnlyGateway, links)(refused, fanOut('GQTEXTS0005'))).rejects.toThrow();
    expect(await textsOf('GQTEXTS0005')).toEqual({ texts: [], linked: 0 });
    expect(await held.db.selectFrom('cases').select('case_no').where('case_no', '=', 'GQTEXTS0005').execute()).toEqual([]);
  });

  it('takes only texts it can write: an agreement code, or a link without its secret, goes the two steps', () => {
    const coded = fanOut('GQTEXTS0006');
    coded.direct = [{ ...coded.direct[0], secret: { agreementCode: { partyNo: 1, version: 1 } } }];
    expect(intakeTextParts(coded, links, true)).toBeNull();
    expect(intakeTextParts(fanOut('GQTEXTS0006'), undefined, true)).toBeNull();
    expect(intakeTextParts({ ...fanOut('GQTEXTS0006'), direct: [] }, undefined, true)?.map((p) => p.name)).toEqual(['intake_holders', 'intake_texts']);
  });

  it('stores a NUL in a text as U+FFFD rather than failing the case for ever', async () => {
    await atOnce()({ transition: creation('GQTEXTS0007', '张\u0000三'), fanOut: fanOut('GQTEXTS0007', '精密\u0000机械') });
    const { texts } = await textsOf('GQTEXTS0007');
    expect(texts).toHaveLength((await textsOf('GQTEXTS0001')).texts.length);
    expect(JSON.stringify(texts)).toContain('精密\uFFFD机械');
  });

  it('with a gateway: written pending in one statement, handed over, then one update; as the two steps send them', async () => {
    const { db, sent } = counting();
    expect(await atOnce(db, gateway)({ transition: creation('GQTEXTS0011'), fanOut: fanOut('GQTEXTS0011') })).toEqual({ sent: { rejected: [] } });
    expect(sent).toHaveLength(2);
    expect(await twoSteps(held.db, gateway)({ transition: creation('GQTEXTS0012'), fanOut: fanOut('GQTEXTS0012') })).toEqual({ sent: { rejected: [] } });
    const one = await textsOf('GQTEXTS0011');
    expect(one).toEqual(await textsOf('GQTEXTS0012'));
    expect(one.texts.every((t) => (t as { status: string; attempts: number }).status === 'sent' && (t as { attempts: number }).attempts === 1)).toBe(true);
    // The phone got the personal link the outbox shows masked; each text reached the gateway once.
    const got = phones.received.filter((m) => m.key.includes('GQTEXTS0011'));
    expect(got).toHaveLength(one.texts.length);
    expect(got.find((m) => m.key.endsWith(':receipt'))?.text).toContain(links.urlFor('GQTEXTS0011'));
  });

  it('with a gateway that refuses a number or is down: the case is written, the texts wait, nobody gets one twice', async () => {
    const district = (await createContactLookup(held.db).findPostHolders([{ unitId: 'd-xihu', roles: ['district_chair'] }]))[0];
    phones.behaviour.rejectPhones.add(district.phone);
    try {
      const refused = await atOnce(held.db, gateway)({ transition: creation('GQTEXTS0013'), fanOut: fanOut('GQTEXTS0013') });
      expect(refused).toEqual({ sent: { rejected: [expect.objectContaining({ key: 'grievance-GQTEXTS0013:intake:district_chair', role: 'district_chair' })] } });
    } finally {
      phones.behaviour.rejectPhones.delete(district.phone);
    }
    phones.behaviour.down = true;
    let failed;
    try {
      failed = await atOnce(held.db, gateway)({ transition: creation('GQTEXTS0014'), fanOut: fanOut('GQTEXTS0014') });
    } finally {
      phones.behaviour.down = false;
    }
    expect(failed).toMatchObject({ failed: expect.stringContaining('503') });
    expect(await held.db.selectFrom('cases').select('case_no').where('case_no', '=', 'GQTEXTS0014').execute()).toHaveLength(1);
    // What the workflow then does: the fan-out again, as the retrying activity sends it.
    const { findPostHolders } = createContactLookup(held.db);
    await createSendSmsFanOut(findPostHolders, createSendSmsBatch(held.db, gateway, links))(fanOut('GQTEXTS0014'));
    const { texts } = await textsOf('GQTEXTS0014');
    expect(texts.every((t) => (t as { status: string }).status === 'sent')).toBe(true);
    const got = phones.received.filter((m) => m.key.includes('GQTEXTS0014'));
    expect(got).toHaveLength(texts.length);
    expect(new Set(got.map((m) => m.key)).size).toBe(got.length);
  });
});
