/**
 * Search quality of the law & case library (issue 23), against real Postgres with the seeded items: each query of the
 * table must rank its item FIRST. Then the query cutter agrees with Postgres's, and "cases like mine" finds the closed
 * grievance like the description, anonymised, and never an open one.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchLibrary } from '../../api/services/library/search';
import { casesLikeMine } from '../../api/services/library/similar';
import { searchTokens } from '../../api/services/library/tokens';
import { seedDemo } from '../../db/seed/seed-demo';
import { insertPastCases } from '../helpers/library-cases';
import { useMigratedDatabase } from '../helpers/migrated-database';

const t = useMigratedDatabase('library_search');

/** query → the slug that must come first (db/seed/library/*.ts) */
const QUERY_TABLE: [string, string][] = [
  ['双胞胎 哺乳', 'women-nursing-time'],
  ['哺乳时间', 'women-nursing-time'],
  ['高温', 'heat-allowance'],
  ['加班 休息日', 'overtime-pay-rates'],
  ['试用期', 'contract-probation-length'],
  ['试用期工资', 'contract-probation-pay'],
  ['没签合同 二倍工资', 'contract-double-wage'],
  ['经济补偿', 'contract-severance'],
  ['违法解除 赔偿金', 'contract-unlawful-dismissal'],
  ['产假', 'women-maternity-leave'],
  ['怀孕 辞退', 'women-no-pay-cut'],
  ['工伤认定', 'injury-apply-deadline'],
  ['上下班 交通事故', 'injury-what-counts'],
  ['停工留薪', 'injury-paid-leave'],
  ['不交社保', 'insurance-must-register'],
  ['失业金', 'insurance-unemployment'],
  ['仲裁时效', 'disputes-limitation'],
  ['拖欠工资', 'wages-monthly-cash'],
  ['最低工资', 'minimum-wage'],
  ['年休假', 'annual-leave'],
  ['中暑', 'heat-stroke-injury'],
  ['40度 停工', 'heat-work-hours'],
  ['仲裁 收费', 'disputes-free-arbitration'],
  ['调解协议 支付令', 'disputes-payment-order'],
  ['辞职', 'contract-resign-notice'],
  ['押金', 'contract-no-deposit'],
  ['孕期 夜班', 'pregnancy-seven-months'],
  ['竞业限制', 'contract-non-compete'],
  ['非全日制', 'contract-part-time'],
  ['劳务派遣', 'contract-dispatch-equal-pay'],
  ['加班 36小时', 'overtime-limits'],
  ['年终奖', 'case-year-end-bonus'],
  ['考勤 伪造', 'case-forged-attendance'],
  ['一裁终局', 'disputes-final-award'],
  ['生育津贴', 'women-maternity-allowance'],
  ['防暑饮料', 'heat-drinks'],
];

beforeAll(async () => {
  await seedDemo(t.db);
});

describe('the query table: each query ranks its item first', () => {
  it.each(QUERY_TABLE)('%s → %s', async (query, slug) => {
    const hits = await searchLibrary(t.db, query, { limit: 3 });
    expect(hits.map((h) => h.slug)[0], JSON.stringify(hits.map((h) => [h.slug, h.rank]))).toBe(slug);
  });

  it('the twins query lands on the item that gives one more hour for each more baby', async () => {
    const [first] = await searchLibrary(t.db, '双胞胎 哺乳');
    expect(first).toMatchObject({ law: '女职工劳动保护特别规定', article: '第九条' });
    expect(first.summary).toContain('每多哺乳1个婴儿每天增加1小时');
  });

  it('the heat query lands on the 35 ℃ allowance, and rest-day overtime on 200 %', async () => {
    const [heat] = await searchLibrary(t.db, '高温');
    expect(heat).toMatchObject({ law: '防暑降温措施管理办法', article: '第十七条' });
    expect(heat.summary).toContain('35℃以上');
    const [overtime] = await searchLibrary(t.db, '加班 休息日');
    expect(overtime).toMatchObject({ law: '劳动法', article: '第四十四条' });
    expect(overtime.summary).toContain('200%');
  });

  it('an unpublished item is not found, and a query of nothing Chinese or Latin finds nothing', async () => {
    await t.db.updateTable('library_items').set({ published: false }).where('slug', '=', 'contract-no-deposit').execute();
    try {
      expect((await searchLibrary(t.db, '押金')).map((h) => h.slug)).not.toContain('contract-no-deposit');
      expect((await searchLibrary(t.db, '押金', { includeUnpublished: true }))[0].slug).toBe('contract-no-deposit');
    } finally {
      await t.db.updateTable('library_items').set({ published: true }).where('slug', '=', 'contract-no-deposit').execute();
    }
    expect(await searchLibrary(t.db, '！？。 ——')).toEqual([]);
  });
});

describe('the query is cut as Postgres cuts the text', () => {
  it.each(['双胞胎的哺乳时间，每天2小时', '高温35℃ ABC-def 薪', '加班 休息日', '工资㐀字'])('%s', async (text) => {
    const { rows } = await sql<{ t: string }>`select gq_search_tokens(${text}) as t`.execute(t.db);
    expect(searchTokens(text).join(' ')).toBe(rows[0].t);
  });
});

describe('cases like mine', () => {
  beforeAll(async () => {
    await insertPastCases(t.db, [
      { caseNo: 'GQ-T-0001', category: 'female_workers', description: '我是王小明的同事，生了双胞胎，单位每天只给1小时哺乳时间，电话13987654321，身份证330102199001011234。', recoveredFen: null },
      { caseNo: 'GQ-T-0002', category: 'high_temperature', description: '西湖精密机械有限公司七月份户外作业35度以上，没有发高温津贴。', recoveredFen: 60_000, workerCount: 12 },
      { caseNo: 'GQ-T-0003', category: 'overtime_pay', description: '周六周日加班不补休，加班费按平时工资算。', outcome: 'arbitration' },
      { caseNo: 'GQ-T-0004', category: 'female_workers', description: '双胞胎 哺乳时间 两小时 还在办理中的诉求', status: 'open' },
    ]);
  });

  it('offers the nursing-time item and the closed twins case, masked, and never the open one', async () => {
    const similar = await casesLikeMine(t.db, '我生了双胞胎，休完产假回来，车间主任说哺乳时间每天只有1小时，同事也是这样吗？', { category: 'female_workers' });
    expect(similar.items[0].slug).toBe('women-nursing-time');
    expect(similar.cases[0].caseNo).toBe('GQ-T-0001');
    expect(similar.cases.map((c) => c.caseNo)).not.toContain('GQ-T-0004');
    const shown = similar.cases[0].excerpt;
    expect(shown).not.toContain('王小明');
    expect(shown).not.toContain('13987654321');
    expect(shown).not.toContain('330102199001011234');
    expect(shown).toContain('139****4321');
  });

  it('masks the enterprise named in a past case', async () => {
    const similar = await casesLikeMine(t.db, '夏天在工地户外干活，气温超过35度，老板一直不发高温津贴', { category: 'high_temperature' });
    expect(similar.items[0].slug).toBe('heat-allowance');
    const heatCase = similar.cases.find((c) => c.caseNo === 'GQ-T-0002');
    expect(heatCase?.excerpt).toContain('某企业');
    expect(heatCase?.excerpt).not.toContain('西湖精密机械');
  });
});
