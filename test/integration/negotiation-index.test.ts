/**
 * The negotiation index on the real system (issue 22): values computed from wage-round, offer, post and grievance
 * rows inserted here (the workflow writes them in production), values entered through the API and the page, the
 * street and city roll-up, the CSV and the chart; who may see and change what; and bad input refused in zh-CN with
 * nothing changed. The arithmetic of the expected scores is written beside them (tree: workflows/shared/negotiation-index/tree.json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, unescapeHtml } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};
const YEAR = 2026;
const at = (s: string) => new Date(s);

async function insertCase(caseNo: string, kind: string, enterpriseId: string, streetId: string, createdAt: string) {
  await sys.db.insertInto('cases').values({
    case_no: caseNo, kind, workflow_id: `${kind}-${caseNo}`, district_id: 'd-xihu', street_id: streetId, enterprise_id: enterpriseId,
    enterprise_name: enterpriseId, status: 'closed', stage: 'closed', level: 'street', complainant_name: '测试', complainant_phone: null,
    claimed_fen: 0, worker_count: 1, outcome: null, recovered_fen: null, rating: null, rating_comment: null, enterprise_notified_at: null,
    created_at: createdAt, updated_at: createdAt,
  }).execute();
}

beforeAll(async () => {
  sys = await startSystem('negotiation_index');
  api = apiClient(sys.baseUrl);
  for (const u of ['xihu.qb', 'xihu.fg', 'xihu.zx', 'beishan.zx', 'beishan.sg', 'jingmi.zx', 'xihu.ds']) tokens[u] = await api.login(u);
  // 西湖精密机械 (北山): requested 3-1, agreed 4-10 (40 days), signed 4-12, filed 4-20 (8 ≤ 10 days), effective 5-5
  // (15 ≤ 15 days), published 5-20 (15 > 7 days: late); 3 offers; 20 suggestions of which one removed, 2 comments.
  await insertCase('XS-2026-0001', 'wage-negotiation', 'e-jingmi', 's-beishan', '2026-02-01T09:00:00+08:00');
  await sys.db.insertInto('wage_rounds').values({
    case_no: 'XS-2026-0001', enterprise_id: 'e-jingmi', year: YEAR, public_code: 'pc-jingmi', planned_start: '2026-03-01',
    requested_at: at('2026-03-01T09:00:00+08:00'), answered_at: at('2026-03-10T09:00:00+08:00'), agreed_at: at('2026-04-10T16:00:00+08:00'),
    signed_at: at('2026-04-12T10:00:00+08:00'), filed_at: at('2026-04-20T10:00:00+08:00'), effective_at: at('2026-05-05T00:00:00+08:00'),
    published_at: at('2026-05-20T10:00:00+08:00'), offers: 3, agreement_text: '……',
  }).execute();
  await sys.db.insertInto('wage_offers').values([1, 2, 3].map((n) => ({
    case_no: 'XS-2026-0001', offer_no: n, side: n % 2 ? 'union' as const : 'employer' as const, clauses: JSON.stringify([{ text: '每件0.10–0.15元' }]), made_at: at(`2026-03-${10 + n}T10:00:00+08:00`),
  }))).execute();
  await sys.db.insertInto('wage_posts').values([
    ...Array.from({ length: 20 }, (_, i) => ({
      case_no: 'XS-2026-0001', post_no: i + 1, kind: 'suggestion' as const, text: `建议${i + 1}`, phone_masked: '138****0000', posted_at: at('2026-03-05T10:00:00+08:00'),
      removed_at: i === 0 ? at('2026-03-06T10:00:00+08:00') : null, removed_by: i === 0 ? 'jingmi.zx' : null, removed_reason: i === 0 ? '广告' : null,
    })),
    ...[21, 22].map((n) => ({ case_no: 'XS-2026-0001', post_no: n, kind: 'comment' as const, text: '评论', phone_masked: '138****0000', posted_at: at('2026-03-05T10:00:00+08:00'), removed_at: null, removed_by: null, removed_reason: null })),
  ]).execute();
  // Grievances against 精密机械: two in 2026, one just after midnight of New Year in Shanghai (still 12-31 in UTC,
  // counted for 2026), one just before it (2025, not counted); a mediation case is not a grievance.
  await insertCase('GQ-2026-0001', 'grievance', 'e-jingmi', 's-beishan', '2026-05-01T10:00:00+08:00');
  await insertCase('GQ-2026-0002', 'grievance', 'e-jingmi', 's-beishan', '2026-07-01T10:00:00+08:00');
  await insertCase('GQ-2026-0003', 'grievance', 'e-jingmi', 's-beishan', '2026-01-01T00:10:00+08:00');
  await insertCase('GQ-2025-0009', 'grievance', 'e-jingmi', 's-beishan', '2025-12-31T23:50:00+08:00');
  await insertCase('TJ-2026-0001', 'mediation', 'e-jingmi', 's-beishan', '2026-05-01T10:00:00+08:00');
  // 迅达快递 (北山) is on the year's plan and has nothing else; 翠苑's enterprises are in no part of the year's index.
  await sys.db.insertInto('wage_plans').values({ year: YEAR, enterprise_id: 'e-kuaidi', planned_start: '2026-09-01' }).execute();
}, 120_000);

afterAll(async () => {
  await sys?.stop();
});

const scores = async (user = 'xihu.qb', year = YEAR) => api.call('GET', `/api/v1/negotiation-index/scores?year=${year}`, undefined, tokens[user]);
const enterprise = (body: any, id: string) => body.streets.flatMap((s: any) => s.enterpriseScores).find((e: any) => e.enterpriseId === id);
const treeRows = async () => Number((await sys.db.selectFrom('negotiation_index_trees').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const valueRows = async () => sys.db.selectFrom('negotiation_index_values').selectAll().orderBy('code').execute();

describe('the negotiation index', () => {
  it('computes suggestions, offers, days to agreement, grievances and the on-time steps from the rows', async () => {
    const r = await scores();
    expect(r.status).toBe(200);
    expect(r.body.treeVersion).toBe(1);
    const jingmi = enterprise(r.body, 'e-jingmi');
    // MZ2 = 0.3 × (19 suggestions: 19/20 → 95) + 0.25 × (3 offers → 100) = 28.5 + 25 = 53.5 (the rest entered, none yet)
    expect(jingmi.branches.MZ2).toBe(53.5);
    // MZ3 = 0.35 × (published 15 days after effect, > 7: 0) = 0
    expect(jingmi.branches.MZ3).toBe(0);
    // HX1 = 0.3 × (40 days: (120 − 40)/90 → 88.89) + 0.25 × filed on time 100 + 0.2 × effective on time 100 + 0.25 × agreed 100 = 96.67
    expect(jingmi.branches.HX1).toBe(96.67);
    // HX2 = 0.35 × (3 grievances: (10 − 3)/10 → 70) = 24.5
    expect(jingmi.branches.HX2).toBe(24.5);
    // MZ = 0.3 × 53.5 = 16.05; HX = 0.3 × 96.667 + 0.3 × 24.5 = 36.35; total = 0.3 × 16.05 + 0.3 × 36.35 = 15.72
    expect(jingmi.dimensions).toEqual({ MZ: 16.05, JN: 0, HX: 36.35, FY: 0 });
    expect(jingmi.total).toBe(15.72);
    // 迅达快递: no grievance (→ 100), no agreement (0); total = 0.3 × 0.3 × 0.35 × 100 = 3.15
    expect(enterprise(r.body, 'e-kuaidi').total).toBe(3.15);
    expect(enterprise(r.body, 'e-fangzhi')).toBeUndefined();
  });

  it('saves entered values (who, when) and rolls enterprises up to streets and the city', async () => {
    const put = await api.call('PUT', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, { values: { 'MZ4.1': 80, 'MZ4.2': 1, 'FY2.3': 1 } }, tokens['xihu.qb']);
    expect(put.status).toBe(200);
    expect(put.body.changed).toBe(3);
    const got = await api.call('GET', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, undefined, tokens['xihu.qb']);
    expect(got.body.values.map((v: any) => [v.code, v.value, v.enteredBy])).toEqual(expect.arrayContaining([['MZ4.1', 80, '区权保部王干事']]));
    const r = (await scores()).body;
    // 西溪纺织: MZ4 = 0.4 × 50 + 0.3 × 100 = 50 → MZ = 0.2 × 50 = 10; HX = 0.3 × 0.35 × 100 = 10.5;
    // FY2 = 0.25 × 100 = 25 → FY = 0.35 × 25 = 8.75; total = 0.3 × 10 + 0.3 × 10.5 + 0.2 × 8.75 = 7.9
    expect(enterprise(r, 'e-fangzhi').total).toBe(7.9);
    const street = (id: string) => r.streets.find((s: any) => s.id === id);
    // 北山 = (15.72 + 3.15)/2 = 9.435; 西溪 = 7.9; 翠苑 none; the city = (15.72 + 3.15 + 7.9)/3 = 8.923
    expect(street('s-beishan').total).toBeCloseTo(9.435, 1);
    expect(street('s-beishan').enterprises).toBe(2);
    expect(street('s-xixi').total).toBe(7.9);
    expect(street('s-cuiyuan').enterprises).toBe(0);
    expect([r.city.total, r.city.enterprises]).toEqual([8.92, 3]);
  });

  it('downloads the CSV with a BOM and a row for the city, each street and each enterprise', async () => {
    const res = await fetch(`${sys.baseUrl}/staff/negotiation-index/scores.csv?year=${YEAR}`, { headers: { authorization: `Bearer ${tokens['xihu.zx']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toMatch(/^"层级","街道","企业","纳入企业数","总分","民主管理（权重0.3）"/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '"全市","",""', '"街道","北山街道总工会",""', '"企业","北山街道总工会","西湖精密机械有限公司"', '"企业","北山街道总工会","杭州迅达快递有限公司"',
      '"街道","翠苑街道总工会",""', '"街道","西溪街道总工会",""', '"企业","西溪街道总工会","西溪纺织有限公司"',
    ]);
    expect(lines[1]).toContain('"8.92"');
  });

  it('draws the chart as a PNG', async () => {
    const res = await fetch(`${sys.baseUrl}/staff/negotiation-index/chart.png?year=${YEAR}`, { headers: { authorization: `Bearer ${tokens['xihu.fg']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(300);
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.length).toBeLessThan(2_000_000);
    const street = await fetch(`${sys.baseUrl}/staff/negotiation-index/chart.png?year=${YEAR}&street=s-beishan`, { headers: { authorization: `Bearer ${tokens['beishan.zx']}` } });
    expect(street.status).toBe(200);
  });

  it('shows the table on the page, and a street chair their own street only', async () => {
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.zx');
    const html = unescapeHtml((await page.open(`/staff/negotiation-index?year=${YEAR}`)).html);
    expect(html).toContain('协商指数');
    expect(html).toMatch(/西湖区总工会[\s\S]*北山街道总工会[\s\S]*西湖精密机械有限公司[\s\S]*翠苑街道总工会[\s\S]*西溪街道总工会/);
    expect(html).toContain(`/staff/negotiation-index/chart.png?year=${YEAR}`);
    const chair = await scores('beishan.zx');
    expect(chair.status).toBe(200);
    expect(chair.body.city).toBeNull();
    expect(chair.body.streets.map((s: any) => s.id)).toEqual(['s-beishan']);
  });
});

describe('who may do what', () => {
  it('lets the district read and its staff edit; refuses everyone else', async () => {
    for (const u of ['xihu.fg', 'xihu.zx', 'beishan.zx']) expect((await scores(u)).status, u).toBe(200);
    for (const u of ['beishan.sg', 'jingmi.zx', 'xihu.ds']) {
      const r = await scores(u);
      expect(r.status, u).toBe(403);
      expect(r.body.message).toContain('您的角色无权查看协商指数');
    }
    const before = await valueRows();
    for (const u of ['xihu.fg', 'xihu.zx', 'beishan.zx']) {
      expect((await api.call('PUT', `/api/v1/negotiation-index/values/e-jingmi/${YEAR}`, { values: { 'MZ4.1': 90 } }, tokens[u])).status, u).toBe(403);
      expect((await api.call('PUT', '/api/v1/negotiation-index/tree', { version: 1, nodes: [] }, tokens[u])).status, u).toBe(403);
    }
    expect((await fetch(`${sys.baseUrl}/staff/negotiation-index/scores.csv`, { headers: { authorization: `Bearer ${tokens['beishan.sg']}` } })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/negotiation-index/scores?year=${YEAR}`)).status).toBe(401);
    expect(await valueRows()).toEqual(before);
  });
});

describe('bad input is refused in zh-CN and changes nothing', () => {
  it('weights that do not sum to 1 (API and form), a stale version', async () => {
    const trees = await treeRows();
    const r = await api.call('PUT', '/api/v1/negotiation-index/tree', { version: 1, nodes: [{ code: 'MZ', weight: 0.4 }] }, tokens['xihu.qb']);
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('指标体系下各一级指标（维度）的权重之和为1.1，应为1');
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.qb');
    const form = await page.open('/staff/negotiation-index/tree');
    expect(form.status).toBe(200);
    const posted = await page.post('/staff/negotiation-index/tree', { version: '1', 'weight:MZ1.1': '0.5', 'name:MZ1.1': '职代会召开次数' });
    expect(posted.status).toBe(422);
    expect(posted.alert).toBe('“职工代表大会制度”下各三级指标的权重之和为1.25，应为1');
    expect(posted.html).toContain('value="职代会召开次数"');
    expect(await treeRows()).toBe(trees);
    expect((await api.call('GET', '/api/v1/negotiation-index/tree', undefined, tokens['xihu.fg'])).body.tree.dimensions[0].children[0].children[0].name).toBe('职工代表大会年度召开次数');
  });

  it('a value out of range, a computed leaf, a non-existent enterprise, a year out of range', async () => {
    const before = await valueRows();
    const out = await api.call('PUT', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, { values: { 'MZ4.3': 1, 'MZ4.1': 150 } }, tokens['xihu.qb']);
    expect(out.status).toBe(422);
    expect(out.body.message).toBe('“工会会员入会率”应在0到100之间（单位：%），现为150');
    const yn = await api.call('PUT', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, { values: { 'MZ4.2': 0.5 } }, tokens['xihu.qb']);
    expect(yn.body.message).toBe('“工会经费按规定拨缴”应填1（是）或0（否），现为0.5');
    const computed = await api.call('PUT', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, { values: { 'MZ2.1': 30 } }, tokens['xihu.qb']);
    expect([computed.status, computed.body.message]).toEqual([422, '“职工建议数”由系统根据协商和投诉记录计算，不能录入']);
    const nowhere = await api.call('PUT', `/api/v1/negotiation-index/values/e-nowhere/${YEAR}`, { values: { 'MZ4.1': 80 } }, tokens['xihu.qb']);
    expect([nowhere.status, nowhere.body.message]).toEqual([404, '企业不存在']);
    const year = await api.call('PUT', '/api/v1/negotiation-index/values/e-fangzhi/1999', { values: { 'MZ4.1': 80 } }, tokens['xihu.qb']);
    expect([year.status, year.body.message]).toEqual([400, '年度应为2000到2100之间的整数']);
    const text = await api.call('PUT', `/api/v1/negotiation-index/values/e-fangzhi/${YEAR}`, { values: { 'MZ4.1': '八十' } }, tokens['xihu.qb']);
    expect([text.status, text.body.message]).toEqual([400, '指标“MZ4.1”的数值不正确']);
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.qb');
    await page.open(`/staff/negotiation-index/values?enterprise=e-fangzhi&year=${YEAR}`);
    const posted = await page.post('/staff/negotiation-index/values', { enterpriseId: 'e-fangzhi', year: String(YEAR), 'v:MZ4.1': '180', 'v:MZ4.2': '1' });
    expect([posted.status, posted.alert]).toEqual([422, '“工会会员入会率”应在0到100之间（单位：%），现为180']);
    const gone = await page.post('/staff/negotiation-index/values', { enterpriseId: 'e-nowhere', year: String(YEAR), 'v:MZ4.1': '80' });
    expect([gone.status, gone.alert]).toEqual([404, '企业不存在']);
    expect(await valueRows()).toEqual(before);
  });
});

describe('an edit of the weights', () => {
  it('is saved as a new version with who saved it, and moves the scores; an edit of the old version is refused', async () => {
    const r = await api.call('PUT', '/api/v1/negotiation-index/tree', { version: 1, note: '加重劳动关系', nodes: [{ code: 'MZ', weight: 0.2 }, { code: 'JN', weight: 0.3 }] }, tokens['xihu.qb']);
    expect(r.body).toEqual({ version: 2, saved: true });
    const row = await sys.db.selectFrom('negotiation_index_trees').selectAll().where('version', '=', 2).executeTakeFirstOrThrow();
    expect(row.note).toBe('加重劳动关系');
    expect(row.saved_by).not.toBeNull();
    // 精密机械: 0.2 × 16.05 + 0.3 × 0 + 0.3 × 36.35 + 0.2 × 0 = 3.21 + 10.905 = 14.115
    expect(enterprise((await scores()).body, 'e-jingmi').total).toBeCloseTo(14.115, 1);
    const stale = await api.call('PUT', '/api/v1/negotiation-index/tree', { version: 1, nodes: [{ code: 'MZ', name: '民主' }] }, tokens['xihu.qb']);
    expect([stale.status, stale.body.message]).toEqual([409, '指标体系已被他人修改（现为第2版），请刷新页面后重新修改']);
    expect(await treeRows()).toBe(2);
  });
});
