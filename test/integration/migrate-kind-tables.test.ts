/**
 * Migrations 012–014 on a database written by the code before them (issue 20): the migrations and the persistence
 * activity of that commit, unpacked from git, create the schema and write a grievance, the mediation it handed over
 * (parties, the station's access, a clerk's) and a walk-in mediation with no workers yet; then this checkout's
 * migrations run on it. Every row is kept and reads back through db/queries; the handed-over mediation is linked to
 * its grievance; new writes land in the new tables; and the migrations go down and up again without a loss.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transition } from '../../activities/types';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import { createDb } from '../../db/connection';
import { verifyChain } from '../../db/event-chain';
import { migrateToLatest } from '../../db/migrate';
import { migrationProvider } from '../../db/migrations';
import { linkedCases } from '../../db/queries/case-links';
import { findCase, findVisibleCase, openTasksFor, visibleCases, type Viewer } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { seedDemoOrganisation } from '../../db/seed/seed-demo';
import { createDatabase, dropDatabase } from '../helpers/system';
import { unpackWorkflowsAt, type OldWorkflowTree } from '../helpers/old-version';

/** The last commit before migration 012: its migrations (001–011) and its persistTransition write the old database. */
const BEFORE = 'dbf8118';
const GRIEVANCE = 'GQ0000000001';
const HANDED = 'MA0000000001';
const WALK_IN = 'MA0000000002';
const T0 = '2026-03-02T01:00:00.000Z';

let tree: OldWorkflowTree;
let db: Kysely<Database>;
let dbName: string;

const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const event = (workflowId: string, seq: number, type: string, data: Record<string, unknown>, minutes: number) => ({
  key: `${workflowId}#${seq}`, seq, type, actor: '系统', actorRole: 'system' as const, summary: `${type}（${seq}）`, data, at: at(minutes),
});

/** What today's grievance and mediation workflows hand persistTransition (workflows/grievance.ts, mediation-arbitration.ts). */
function oldTransitions(): Transition[] {
  const g = `grievance-${GRIEVANCE}`;
  const m = `mediation-${HANDED}`;
  const w = `mediation-${WALK_IN}`;
  return [
    {
      caseNo: GRIEVANCE, at: at(0),
      createCase: {
        kind: 'grievance', workflowId: g, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
        enterpriseName: '西湖精密机械有限公司', category: 'unpaid_wages', complainantName: '王小明', complainantPhone: '13912345678',
        description: '拖欠两个月工资，共计八千六百元。', claimedFen: 860_000, workerCount: 3, createdAt: at(0),
      },
      events: [event(g, 1, 'filed', { category: 'unpaid_wages', claimedFen: 860_000, workerCount: 3 }, 0)],
      openTask: { taskId: `${g}:contact`, kind: 'contact', title: '联系职工', role: 'street_caseworker', unitId: 's-beishan', department: null, dueAt: at(1440) },
    },
    { caseNo: GRIEVANCE, at: at(720), casePatch: { enterpriseNotifiedAt: at(720), stage: 'station' }, events: [event(g, 2, 'enterprise_notified', {}, 720)] },
    {
      caseNo: HANDED, at: at(800),
      createCase: {
        kind: 'mediation', workflowId: m, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
        enterpriseName: '西湖精密机械有限公司', category: 'mediation', complainantName: '王小明等2人', complainantPhone: '13912345678',
        description: '拖欠工资', claimedFen: 860_000, workerCount: 2, createdAt: at(800), stage: 'mediating', level: 'station',
      },
      parties: [
        { partyNo: 1, side: 'employer', name: '西湖精密机械有限公司', phone: '057188880000', enterpriseId: 'e-jingmi' },
        { partyNo: 2, side: 'worker', name: '王小明', phone: '13912345678', idNumber: '330106199001011234', claimedFen: 500_000 },
        { partyNo: 3, side: 'worker', name: '李四', phone: '13912345679', idNumber: '330106199202022345', claimedFen: 360_000 },
      ],
      grantAccess: [{ unitId: 'i-xihu-station', role: 'union_mediator', reason: 'assigned' }],
      events: [event(m, 1, 'mediation_applied', { source: 'grievance', parentCaseNo: GRIEVANCE, workerCount: 2, claimedFen: 860_000 }, 800)],
      openTask: { taskId: `${m}:mediation`, kind: 'mediation', title: '组织调解', role: 'union_mediator', unitId: 'i-xihu-station', department: null, dueAt: at(20_000) },
    },
    {
      caseNo: HANDED, at: at(900), casePatch: { stage: 'review' },
      grantAccess: [{ unitId: 'i-xihu-arbitration', role: 'arbitration_clerk', reason: 'addressed' }],
      events: [event(m, 2, 'email_sent', { to: 'i-xihu-arbitration' }, 900)],
    },
    {
      caseNo: WALK_IN, at: at(1000),
      createCase: {
        kind: 'mediation', workflowId: w, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: null,
        enterpriseName: '某装修队', category: 'mediation', complainantName: '（待登记）', complainantPhone: '',
        description: '装修工程款', claimedFen: 0, workerCount: 1, createdAt: at(1000), stage: 'mediating', level: 'station',
      },
      parties: [{ partyNo: 1, side: 'employer', name: '某装修队' }],
      grantAccess: [{ unitId: 'i-xihu-station', role: 'union_mediator', reason: 'assigned' }],
      events: [event(w, 1, 'mediation_applied', { source: 'walk_in', parentCaseNo: null, workerCount: 0, claimedFen: 0 }, 1000)],
    },
  ];
}

const TABLES = ['cases', 'case_events', 'tasks', 'case_parties', 'case_access'] as const;
async function counts() {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

const caseworker: Viewer = { scope: 'street', role: 'street_caseworker', userId: 0, unitId: 's-beishan', department: null };
const mediator: Viewer = { scope: 'assigned', role: 'union_mediator', userId: 0, unitId: 'i-xihu-station', department: null };
const clerk: Viewer = { scope: 'assigned', role: 'arbitration_clerk', userId: 0, unitId: 'i-xihu-arbitration', department: null };
const chair: Viewer = { scope: 'enterprise', role: 'enterprise_chair', userId: 0, unitId: 'u-jingmi', department: null };

let before: Record<string, number>;

beforeAll(async () => {
  tree = unpackWorkflowsAt(BEFORE, ['workflows', 'activities', 'db', 'temporal.config.ts']);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
  dbName = `gq_test_migrate_${randomBytes(4).toString('hex')}`;
  db = createDb(await createDatabase(adminUrl, dbName), 3);

  // The schema and the writes of the commit before: its own migration list and its own persistTransition.
  const old = await import(join(tree.dir, 'db/migrations/index.ts')) as typeof import('../../db/migrations');
  const { error } = await new Migrator({ db, provider: old.migrationProvider }).migrateToLatest();
  if (error) throw error;
  expect(Object.keys(await old.migrationProvider.getMigrations()).sort().at(-1)).toBe('011_agreement_code_tries');
  await seedDemoOrganisation(db);
  const oldPersist = (await import(join(tree.dir, 'activities/persistence/persist-transition.ts')) as typeof import('../../activities/persistence/persist-transition'))
    .createPersistTransition(db);
  for (const t of oldTransitions()) await oldPersist(t);
  before = await counts();

  await migrateToLatest(db);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  if (dbName && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, dbName);
  tree?.remove();
});

describe('migrating a database written before the kind tables', () => {
  it('keeps every row, and each case reads back with its kind\'s facts', async () => {
    expect(before).toEqual({ cases: 3, case_events: 5, tasks: 2, case_parties: 6, case_access: 3 });
    expect(await counts()).toEqual(before);
    expect(await findCase(db, GRIEVANCE)).toMatchObject({
      kind: 'grievance', category: 'unpaid_wages', description: '拖欠两个月工资，共计八千六百元。', complainant_name: '王小明',
      complainant_phone: '13912345678', claimed_fen: 860_000, worker_count: 3, stage: 'station', level: 'street', status: 'open',
      enterprise_notified_at: new Date(at(720)),
    });
    expect(await findCase(db, HANDED)).toMatchObject({
      kind: 'mediation', category: null, description: '拖欠工资', complainant_name: '王小明等2人', stage: 'review', level: 'station',
    });
    // The empty phone a mediation without workers had to store is now what it meant: none.
    expect(await findCase(db, WALK_IN)).toMatchObject({ description: '装修工程款', complainant_phone: null });
    expect(await db.selectFrom('grievance_cases').selectAll().execute()).toHaveLength(1);
    expect(await db.selectFrom('mediation_cases').select('case_no').orderBy('case_no').execute()).toEqual([{ case_no: HANDED }, { case_no: WALK_IN }]);
    for (const caseNo of [GRIEVANCE, HANDED, WALK_IN]) expect((await verifyChain(db, caseNo)).ok, caseNo).toBe(true);
  });

  it('links the mediation a grievance handed over to it, both ways, and the walk-in to nothing', async () => {
    expect(await linkedCases(db, GRIEVANCE)).toMatchObject([{ caseNo: HANDED, kind: 'mediation', relation: 'child', stage: 'review' }]);
    expect(await linkedCases(db, HANDED)).toMatchObject([{ caseNo: GRIEVANCE, kind: 'grievance', relation: 'parent' }]);
    expect(await linkedCases(db, WALK_IN)).toEqual([]);
  });

  it('keeps who saw what: the street, the station, the clerk it was addressed to, the chair once told', async () => {
    expect(await findVisibleCase(db, GRIEVANCE, caseworker)).toMatchObject({ category: 'unpaid_wages' });
    expect((await openTasksFor(db, caseworker)).map((t) => [t.case_no, t.category])).toEqual([[GRIEVANCE, 'unpaid_wages'], [HANDED, null]]);
    expect((await visibleCases(db, mediator)).map((c) => c.case_no).sort()).toEqual([HANDED, WALK_IN]);
    expect((await visibleCases(db, clerk)).map((c) => c.case_no)).toEqual([HANDED]);
    expect((await visibleCases(db, chair)).map((c) => c.case_no)).toEqual([GRIEVANCE]);
    expect(await findVisibleCase(db, GRIEVANCE, mediator)).toBeUndefined();
  });

  it('writes the new way on the migrated rows: patches, a person\'s grant, a new child case', async () => {
    const persist = createPersistTransition(db);
    const lawyers = await db.selectFrom('staff_users').select(['id', 'org_unit_id']).where('role', '=', 'legal_aid_lawyer').execute();
    expect(lawyers.length).toBeGreaterThan(0);
    const lawyer = lawyers[0];
    await persist({ caseNo: HANDED, at: at(2000), casePatch: { stage: 'closed', status: 'closed' },
      grantAccess: [{ unitId: lawyer.org_unit_id, role: 'legal_aid_lawyer', reason: 'assigned', userId: lawyer.id }] });
    const asLawyer: Viewer = { scope: 'assigned', role: 'legal_aid_lawyer', userId: lawyer.id, unitId: lawyer.org_unit_id, department: null };
    expect((await findVisibleCase(db, HANDED, asLawyer))?.status).toBe('closed');
    expect(await findVisibleCase(db, HANDED, { ...asLawyer, userId: -1 })).toBeUndefined();

    const child = 'MA0000000003';
    const t: Transition = {
      caseNo: child, at: at(2100),
      createCase: {
        kind: 'mediation', workflowId: `mediation-${child}`, districtId: 'd-xihu', streetId: 's-beishan', enterpriseId: 'e-jingmi',
        enterpriseName: '西湖精密机械有限公司', complainantName: '王小明', complainantPhone: '13912345678', description: '加班费',
        claimedFen: 1, workerCount: 1, createdAt: at(2100), stage: 'mediating', level: 'station', parentCaseNo: GRIEVANCE,
      },
      events: [event(`mediation-${child}`, 1, 'mediation_applied', { source: 'grievance', parentCaseNo: GRIEVANCE }, 2100)],
    };
    await persist(t);
    await persist(t);
    expect((await linkedCases(db, GRIEVANCE)).map((l) => [l.caseNo, l.relation])).toEqual([[HANDED, 'child'], [child, 'child']]);
    expect(await findCase(db, child)).toMatchObject({ category: null, description: '加班费' });
  });

  it('goes down to 011 with every fact back in `cases`, and up again', async () => {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo('011_agreement_code_tries');
    if (down.error) throw down.error;
    const rows = await (db as Kysely<any>).selectFrom('cases').select(['case_no', 'category', 'description', 'complainant_phone']).orderBy('case_no').execute();
    expect(rows).toEqual([
      { case_no: GRIEVANCE, category: 'unpaid_wages', description: '拖欠两个月工资，共计八千六百元。', complainant_phone: '13912345678' },
      { case_no: HANDED, category: 'mediation', description: '拖欠工资', complainant_phone: '13912345678' },
      { case_no: WALK_IN, category: 'mediation', description: '装修工程款', complainant_phone: '' },
      { case_no: 'MA0000000003', category: 'mediation', description: '加班费', complainant_phone: '13912345678' },
    ]);
    await migrateToLatest(db);
    expect(await findCase(db, GRIEVANCE)).toMatchObject({ category: 'unpaid_wages' });
    expect(await linkedCases(db, HANDED)).toMatchObject([{ caseNo: GRIEVANCE, relation: 'parent' }]);
  });
});
