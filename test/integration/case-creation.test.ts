/**
 * A new case's first transition writes its row with the transition's own changes to it, in the insert rather than by
 * an update after it (activities/persistence/create-case.ts): the row must read as if both had been applied, and a
 * retry must change nothing that a later transition wrote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import type { Transition } from '../../activities/types';
import { seedDemo } from '../../db/seed/seed-demo';
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
    events: [{ key: `grievance-${caseNo}#1`, seq: 1, type: 'filed', actor: '张三', actorRole: 'worker', summary: '职工提交诉求', data: {}, at: at(0) }],
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
    expect(events.map((e) => e.type)).toEqual(['filed']);
    expect(await held.db.selectFrom('tasks').select('status').where('case_no', '=', 'GQCREATE0001').execute()).toEqual([{ status: 'open' }]);
    expect(await held.db.selectFrom('case_parties').select('party_no').where('case_no', '=', 'GQCREATE0001').orderBy('party_no').execute())
      .toEqual([{ party_no: 1 }, { party_no: 2 }]);
  });

  it('changes nothing a later transition wrote when the creation is retried', async () => {
    const persist = createPersistTransition(held.db);
    await persist(creation('GQCREATE0002'));
    await persist({ caseNo: 'GQCREATE0002', at: at(10), casePatch: { stage: 'urge' } });
    await persist(creation('GQCREATE0002'));
    const row = await held.db.selectFrom('cases').select(['stage', 'level']).where('case_no', '=', 'GQCREATE0002').executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'urge', level: 'district' });
    expect(await held.db.selectFrom('case_events').select('type').where('case_no', '=', 'GQCREATE0002').execute()).toHaveLength(1);
  });
});
