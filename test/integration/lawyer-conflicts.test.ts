/**
 * Legal aid's lawyers on real Postgres (migration 015): the roster (findLawyer, listLawyers), the conflict check before
 * a lawyer is assigned (each source: a declared relative, a declared former client, a past case of the lawyer or of
 * their firm; none for a clean lawyer), and the two writes a legal-aid transition carries: revokeAccess (a replaced
 * lawyer stops seeing the case) and recordCounsel (once per case, party and lawyer). The activities are called as
 * functions, as Temporal calls them, on a database of their own with the demo seed.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConflictCheck } from '../../activities/persistence/conflicts';
import { createLawyerLookup } from '../../activities/persistence/lawyers';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import type { ConflictParty, CounselFacts, PartyFacts } from '../../activities/types';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { findVisibleCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { seedDemo } from '../../db/seed/seed-demo';
import { createDatabase, dropDatabase } from '../helpers/system';

const PAST_FIRM = 'MA7000000001';
const PAST_WU = 'MA7000000002';
const PAST_NAME = 'MA7000000003';
const NOW = 'MA7000000009';
const QIANTANG = '浙江钱塘律师事务所';
const T0 = '2026-05-04T02:00:00.000Z';

let db: Kysely<Database>;
let dbName: string;
let persist: ReturnType<typeof createPersistTransition>;
let check: ReturnType<typeof createConflictCheck>['checkConflicts'];
const id: Record<'wu' | 'he' | 'chen' | 'mediator', number> = { wu: 0, he: 0, chen: 0, mediator: 0 };

const employer = (name: string, enterpriseId: string | null, partyNo = 1): PartyFacts => ({ partyNo, side: 'employer', name, enterpriseId });
const worker = (name: string, partyNo: number): PartyFacts => ({ partyNo, side: 'worker', name, phone: `1390000${String(partyNo).padStart(4, '0')}`, claimedFen: 100_000 });

async function openCase(caseNo: string, parties: PartyFacts[]) {
  const boss = parties.find((p) => p.side === 'employer')!;
  await persist({
    caseNo, at: T0, parties,
    createCase: {
      kind: 'mediation', workflowId: `mediation-${caseNo}`, districtId: 'd-xihu', streetId: 's-cuiyuan', enterpriseId: boss.enterpriseId ?? null,
      enterpriseName: boss.name, complainantName: parties.filter((p) => p.side === 'worker').map((p) => p.name).join('、'), complainantPhone: '',
      description: '拖欠工资', claimedFen: 200_000, workerCount: 2, createdAt: T0, stage: 'mediating', level: 'station',
    },
  });
}

/** The case being assigned: its workers 何建国 and 李四 against 杭州城建建筑工程有限公司. */
const NOW_PARTIES: ConflictParty[] = [
  { name: '杭州城建建筑工程有限公司', enterpriseId: 'e-jianzhu', side: 'employer' },
  { name: '何建国', enterpriseId: null, side: 'worker' },
  { name: '李四', enterpriseId: null, side: 'worker' },
];

beforeAll(async () => {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
  dbName = `gq_test_lawyers_${randomBytes(4).toString('hex')}`;
  db = createDb(await createDatabase(adminUrl, dbName), 3);
  await migrateToLatest(db);
  await seedDemo(db);
  await seedDemo(db); // a second run adds nothing (and fails on nothing)
  persist = createPersistTransition(db);
  check = createConflictCheck(db).checkConflicts;
  const users = new Map((await db.selectFrom('staff_users').select(['id', 'username', 'password_hash']).execute()).map((u) => [u.username, u]));
  id.wu = users.get('xihu.ls')!.id;
  id.he = users.get('xihu.ls2')!.id;
  id.mediator = users.get('xihu.tj')!.id;
  // A third lawyer of the district, of a firm of its own, who declared nothing and represented workers only.
  id.chen = (await db.insertInto('staff_users').values({
    username: 'xihu.ls3', display_name: '法律援助律师陈律师', role: 'legal_aid_lawyer', org_unit_id: 's-cuiyuan', phone: '13600000033',
    password_hash: users.get('xihu.ls')!.password_hash, department: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('lawyer_profiles').values({ user_id: id.chen, firm: '浙江西湖律师事务所', email: null, accepts_cases: false }).execute();
  // 吴律师 once acted for the employer, under another name, which they declared by its enterprise.
  await db.insertInto('lawyer_declarations').values({ user_id: id.wu, kind: 'former_client', name: '城建公司', enterprise_id: 'e-jianzhu', relation: null }).execute();

  // Earlier cases and who represented whom in them.
  await openCase(PAST_FIRM, [employer('杭州城建建筑工程公司', 'e-jianzhu'), worker('张三', 2)]);
  await openCase(PAST_WU, [employer('西溪纺织有限公司', 'e-fangzhi'), worker('李四', 2)]);
  await openCase(PAST_NAME, [employer('杭州城建建筑工程有限公司', null), worker('王五', 2)]);
  const counsel = (c: Partial<CounselFacts>): CounselFacts => ({
    partyName: '', enterpriseId: null, side: 'employer', lawyerName: '', firm: null, lawyerUserId: null, ...c,
  });
  // Another lawyer of 何律师's firm for the employer (found by its enterprise, though named differently then).
  await persist({ caseNo: PAST_FIRM, at: T0, recordCounsel: [counsel({ partyName: '杭州城建建筑工程公司', enterpriseId: 'e-jianzhu', lawyerName: '孙志远', firm: QIANTANG })] });
  // 吴律师 for another employer, against the worker 李四 of this case; 陈律师 for 李四 (the same side: no conflict).
  await persist({ caseNo: PAST_WU, at: T0, recordCounsel: [
    counsel({ partyName: '西溪纺织有限公司', enterpriseId: 'e-fangzhi', lawyerName: '法律援助律师吴律师', firm: '浙江之江律师事务所', lawyerUserId: id.wu }),
    counsel({ partyName: '李四', side: 'worker', lawyerName: '法律援助律师陈律师', firm: '浙江西湖律师事务所', lawyerUserId: id.chen }),
  ] });
  // A lawyer of 何律师's firm for the employer by its exact name (no enterprise recorded).
  await persist({ caseNo: PAST_NAME, at: T0, recordCounsel: [counsel({ partyName: '杭州城建建筑工程有限公司', lawyerName: '钱某', firm: QIANTANG })] });
  // This case's own counsel is no conflict with itself.
  await openCase(NOW, [employer('杭州城建建筑工程有限公司', 'e-jianzhu'), worker('何建国', 2), worker('李四', 3)]);
  await persist({ caseNo: NOW, at: T0, recordCounsel: [counsel({ partyName: '杭州城建建筑工程有限公司', enterpriseId: 'e-jianzhu', lawyerName: '周某', firm: QIANTANG })] });
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  if (dbName && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, dbName);
});

describe('the roster', () => {
  it('finds a legal-aid lawyer with their firm and address, and nobody else', async () => {
    const { findLawyer, listLawyers } = createLawyerLookup(db);
    expect(await findLawyer({ userId: id.he })).toEqual({
      userId: id.he, name: '法律援助律师何律师', phone: '13600000013', unitId: 'd-xihu', role: 'legal_aid_lawyer',
      firm: QIANTANG, email: 'he@qiantang-law.example', acceptsCases: true,
    });
    expect(await findLawyer({ userId: id.wu })).toMatchObject({ firm: '浙江之江律师事务所', email: 'wu@zhijiang-law.example' });
    expect(await findLawyer({ userId: id.mediator })).toBeNull();
    // The district's lawyers include those of units under it (陈律师 sits in a street), with whether they take cases.
    const listed = await listLawyers({ districtId: 'd-xihu' });
    expect(listed.map((l) => [l.userId, l.firm, l.acceptsCases]).sort()).toEqual([[id.wu, '浙江之江律师事务所', true], [id.he, QIANTANG, true], [id.chen, '浙江西湖律师事务所', false]].sort());
    expect(await listLawyers({ districtId: 's-xixi' })).toEqual([]);
  });
});

describe('the conflict check', () => {
  it('finds a declared relative and the past cases of the lawyer\'s firm', async () => {
    expect(await check({ caseNo: NOW, lawyerUserId: id.he, parties: NOW_PARTIES })).toEqual([
      { source: 'declared_relative', partyName: '何建国', caseNo: null, detail: '律师申报的亲属何建国（父亲）是本案职工方当事人' },
      { source: 'past_case', partyName: '杭州城建建筑工程有限公司', caseNo: PAST_FIRM, detail: `律师所在的${QIANTANG}曾在案件${PAST_FIRM}中代理杭州城建建筑工程公司` },
      { source: 'past_case', partyName: '杭州城建建筑工程有限公司', caseNo: PAST_NAME, detail: `律师所在的${QIANTANG}曾在案件${PAST_NAME}中代理杭州城建建筑工程有限公司` },
    ]);
  });

  it('finds a former client declared by enterprise, and a case where the lawyer acted against one of the workers', async () => {
    expect(await check({ caseNo: NOW, lawyerUserId: id.wu, parties: NOW_PARTIES })).toEqual([
      { source: 'declared_former_client', partyName: '杭州城建建筑工程有限公司', caseNo: null, detail: '律师申报的曾代理当事人城建公司是本案用人单位方当事人' },
      { source: 'past_case', partyName: '李四', caseNo: PAST_WU, detail: `该律师曾在案件${PAST_WU}中代理西溪纺织有限公司，对方为本案职工李四` },
    ]);
  });

  it('finds nothing for a clean lawyer, nor for a case whose parties none of them met', async () => {
    expect(await check({ caseNo: NOW, lawyerUserId: id.chen, parties: NOW_PARTIES })).toEqual([]);
    expect(await check({ caseNo: NOW, lawyerUserId: id.he, parties: [
      { name: '翠苑餐饮管理有限公司', enterpriseId: 'e-canyin', side: 'employer' }, { name: '赵六', enterpriseId: null, side: 'worker' },
    ] })).toEqual([]);
  });

  it('answers the same every time', async () => {
    const first = await check({ caseNo: NOW, lawyerUserId: id.he, parties: NOW_PARTIES });
    expect(await check({ caseNo: NOW, lawyerUserId: id.he, parties: [...NOW_PARTIES].reverse() })).toEqual(first);
  });
});

describe('a legal-aid transition', () => {
  it('revokes a replaced lawyer\'s grant, and only theirs', async () => {
    await persist({ caseNo: NOW, at: T0, grantAccess: [
      { unitId: 'd-xihu', role: 'legal_aid_lawyer', reason: 'assigned', userId: id.he },
      { unitId: 'i-xihu-station', role: 'union_mediator', reason: 'assigned' },
    ] });
    const asLawyer = (userId: number) => ({ scope: 'assigned' as const, role: 'legal_aid_lawyer', userId, unitId: 'd-xihu', department: null });
    expect(await findVisibleCase(db, NOW, asLawyer(id.he))).toBeDefined();
    await persist({ caseNo: NOW, at: T0, revokeAccess: [{ userId: id.he }], grantAccess: [{ unitId: 'd-xihu', role: 'legal_aid_lawyer', reason: 'assigned', userId: id.wu }] });
    await persist({ caseNo: NOW, at: T0, revokeAccess: [{ userId: id.he }] });
    expect(await findVisibleCase(db, NOW, asLawyer(id.he))).toBeUndefined();
    expect(await findVisibleCase(db, NOW, asLawyer(id.wu))).toBeDefined();
    expect(await db.selectFrom('case_access').select(['unit_id', 'role', 'user_id']).where('case_no', '=', NOW).orderBy('unit_id').execute()).toEqual([
      { unit_id: 'd-xihu', role: 'legal_aid_lawyer', user_id: id.wu },
      { unit_id: 'i-xihu-station', role: 'union_mediator', user_id: null },
    ]);
  });

  it('records counsel once per case, party and lawyer', async () => {
    const t = { caseNo: NOW, at: T0, recordCounsel: [
      { partyName: '何建国', enterpriseId: null, side: 'worker' as const, lawyerName: '法律援助律师吴律师', firm: '浙江之江律师事务所', lawyerUserId: id.wu },
      { partyName: '李四', enterpriseId: null, side: 'worker' as const, lawyerName: '法律援助律师吴律师', firm: '浙江之江律师事务所', lawyerUserId: id.wu },
    ] };
    await persist(t);
    await persist({ ...t, at: '2026-05-05T02:00:00.000Z' });
    const rows = await db.selectFrom('case_counsel').select(['party_name', 'side', 'lawyer_name', 'firm', 'lawyer_user_id', 'recorded_at'])
      .where('case_no', '=', NOW).where('lawyer_user_id', '=', id.wu).orderBy('id').execute();
    expect(rows).toEqual([
      { party_name: '何建国', side: 'worker', lawyer_name: '法律援助律师吴律师', firm: '浙江之江律师事务所', lawyer_user_id: id.wu, recorded_at: new Date(T0) },
      { party_name: '李四', side: 'worker', lawyer_name: '法律援助律师吴律师', firm: '浙江之江律师事务所', lawyer_user_id: id.wu, recorded_at: new Date(T0) },
    ]);
  });
});
