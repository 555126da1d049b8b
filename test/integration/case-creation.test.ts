/**
 * A new case's first transition writes its row with the transition's own changes to it, in the insert rather than by
 * an update after it (activities/persistence/create-case.ts): the row must read as if both had been applied, and a
 * retry must change nothing that a later transition wrote. Such a creation alone is one statement
 * (activities/persistence/create-case-at-once.ts), which must store what the transaction stores, row for row and hash
 * for hash, and leave a retried or simultaneous creation to it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createsOnly } from '../../activities/persistence/create-case-at-once';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import type { Transition } from '../../activities/types';
import { verifyChain } from '../../db/event-chain';
import { seedDemo } from '../../db/seed/seed-demo';
import { countingStatements } from '../helpers/counting-db';
import { useMigratedDatabase } from '../helpers/migrated-database';

const held = useMigratedDatabase('case_creation');

beforeAll(async () => {
  await seedDemo(held.db);
});

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 8, 0, s)).toISOString();

function creation(caseNo: string): Transition {
  return {
    caseNo, at: at(0),
    createCase: {
      kind: 'grievance', workflowId: `grievance-${caseNo}`, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
      enterpriseName: '西湖精密机械有限公司', category: 'unpaid_wages', complainantName: '张三', complainantPhone: '13812345678',
      description: '拖欠工资', claimedFen: 1_200_000, workerCount: 3, createdAt: at(0), stage: 'contact', level: 'street',
    },
    casePatch: { stage: 'verify', level: 'district', enterpriseNotifiedAt: at(0) },
    events: [
      { key: `grievance-${caseNo}#1`, seq: 1, type: 'filed', actor: '张三', actorRole: 'worker', summary: '职工提交诉求', data: { channel: 'qr', amounts: [1, 2] }, at: at(0) },
      { key: `grievance-${caseNo}#2`, seq: 2, type: 'notified', actor: 'system', actorRole: 'system', summary: '已通知', data: {}, at: at(0) },
    ],
    openTask: { taskId: `grievance-${caseNo}/contact/1`, kind: 'contact', title: '联系职工', role: 'street_caseworker', unitId: 's-beishan', department: null, dueAt: at(3600) },
  };
}

describe('a new case written with its first transition', () => {
  it('holds the transition’s changes to its row, its event, its task and its parties', async () => {
    const persist = createPersistTransition(held.db);
    await persist(creation('GQCREATE0001'));
    const row = await held.db.selectFrom('cases').selectAll().where('case_no', '=', 'GQCREATE0001').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'verify', level: 'district', status: 'open', complainant_name: '张三', claimed_fen: 1_200_000 });
    expect(new Date(row.enterprise_notified_at!).toISOString()).toBe(at(0));
    expect(new Date(row.updated_at).toISOString()).toBe(at(0));
    const events = await held.db.selectFrom('case_events').select('type').where('case_no', '=', 'GQCREATE0001').execute();
    expect(events.map((e) => e.type)).toEqual(['filed', 'notified']);
    expect(await held.db.selectFrom('tasks').select('status').where('case_no', '=', 'GQCREATE0001').execute()).toEqual([{ status: 'open' }]);
    expect(await held.db.selectFrom('case_parties').select('party_no').where('case_no', '=', 'GQCREATE0001').orderBy('party_no').execute())
      .toEqual([{ party_no: 1 }, { party_no: 2 }]);
  });
});

/** Every row a creation wrote, with the case number and row ids taken out, so two cases' rows can be compared. */
async function rowsOf(caseNo: string) {
  const db = held.db;
  const strip = <R extends object>(rows: R[]) =>
    JSON.parse(JSON.stringify(rows.map((r) => ({ ...r, id: undefined }))).replaceAll(caseNo, 'N')) as unknown;
  const events = await db.selectFrom('case_events').select(['event_key', 'seq', 'type', 'actor', 'summary', 'data', 'at'])
    .where('case_no', '=', caseNo).orderBy('id').execute();
  return {
    row: strip(await db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).execute()),
    kind: strip(await db.selectFrom('grievance_cases').select(['case_no', 'category', 'description']).where('case_no', '=', caseNo).execute()),
    events: strip(events),
    tasks: strip(await db.selectFrom('tasks').selectAll().where('case_no', '=', caseNo).execute()),
    parties: strip(await db.selectFrom('case_parties').selectAll().where('case_no', '=', caseNo).orderBy('party_no').execute()),
  };
}

const counting = () => countingStatements(held.db);

describe('a new case written in one statement', () => {
  it('is what a creation with nothing else in it takes, and nothing more', () => {
    expect(createsOnly(creation('X'))).toBe(true);
    expect(createsOnly({ ...creation('X'), grantAccess: [] })).toBe(false);
    expect(createsOnly({ ...creation('X'), closeTask: { taskId: 't', status: 'done' } })).toBe(false);
    expect(createsOnly({ ...creation('X'), createCase: { ...creation('X').createCase!, parentCaseNo: 'GQ-PARENT' } })).toBe(false);
    expect(createsOnly({ caseNo: 'X', at: at(0), events: [] })).toBe(false);
  });

  it('sends one statement and stores what the transaction stores, row for row, with a chain that verifies', async () => {
    const { db, sent } = counting();
    await createPersistTransition(db)(creation('GQCREATE10001'));
    expect(sent).toHaveLength(1);
    // The same creation with a part the statement does not write (an empty list of grants) takes the transaction.
    await createPersistTransition(held.db)({ ...creation('GQCREATE2001'), grantAccess: [] });
    const once = await rowsOf('GQCREATE10001');
    expect(once.events).toHaveLength(2);
    expect(once.parties).toHaveLength(2);
    expect(once).toEqual(await rowsOf('GQCREATE2001'));
    expect(await verifyChain(held.db, 'GQCREATE10001')).toMatchObject({ ok: true });
  });

  it('leaves a retried creation to the transaction, which changes nothing a later transition wrote', async () => {
    const persist = createPersistTransition(held.db);
    await persist(creation('GQCREATE10002'));
    await persist({ caseNo: 'GQCREATE10002', at: at(10), casePatch: { stage: 'urge' } });
    const { db, sent } = counting();
    await createPersistTransition(db)(creation('GQCREATE10002'));
    expect(sent.length).toBeGreaterThan(1);
    const rows = await rowsOf('GQCREATE10002');
    expect(rows.row).toMatchObject([{ stage: 'urge', level: 'district' }]);
    expect(rows.events).toHaveLength(2);
    expect(await verifyChain(held.db, 'GQCREATE10002')).toMatchObject({ ok: true });
  });

  it('writes a case once when the same creation runs twice at the same moment', async () => {
    const persist = createPersistTransition(held.db);
    await Promise.all([persist(creation('GQCREATE10003')), persist(creation('GQCREATE10003')), persist(creation('GQCREATE10003'))]);
    const rows = await rowsOf('GQCREATE10003');
    expect(rows.events).toHaveLength(2);
    expect(rows.tasks).toHaveLength(1);
    expect(await verifyChain(held.db, 'GQCREATE10003')).toMatchObject({ ok: true });
  });

  it('writes nothing when a part is refused: no case row without its events', async () => {
    const bad = creation('GQCREATE10004');
    bad.openTask = { ...bad.openTask!, unitId: 'no-such-unit' };
    await expect(createPersistTransition(held.db)(bad)).rejects.toThrow();
    expect(await held.db.selectFrom('cases').select('case_no').where('case_no', '=', 'GQCREATE10004').execute()).toEqual([]);
    expect(await held.db.selectFrom('case_events').select('id').where('case_no', '=', 'GQCREATE10004').execute()).toEqual([]);
  });
});
