/**
 * Finding cases (issue 23): filters over a few dozen inserted case rows of every registered kind, keyset pages without
 * duplicates or gaps, the CSV (BOM, rows), saved filters per person, bad filters refused in zh-CN naming the field,
 * the read-only auditor (sees, never acts) and a street chair kept to their street.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertKindFacts } from '../../db/queries/case-facts';
import { CASE_KINDS } from '../../workflows/kinds';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};
/** a real grievance, filed through the worker's path: its page and history are the engine's */
let realCase: string;

interface Seeded { caseNo: string; kind: string; street: string; enterprise: string; category: string; stage: string; created: Date; rating: number | null; overdue: boolean }
const seeded: Seeded[] = [];
const STREETS: [string, string][] = [['s-beishan', 'e-jingmi'], ['s-xixi', 'e-fangzhi'], ['s-cuiyuan', 'e-canyin']];

async function seed(): Promise<void> {
  const base = Date.parse('2025-03-01T02:00:00Z');
  for (let i = 0; i < 36; i++) {
    const kind = CASE_KINDS[i % CASE_KINDS.length];
    const [street, enterprise] = STREETS[i % 3];
    const caseNo = `${kind.prefix}${String(i).padStart(10, '0')}`;
    const categories = Object.keys(kind.labels.categories);
    const category = categories[i % categories.length];
    const stages = Object.keys(kind.labels.stages);
    const stage = stages[i % stages.length];
    // every third pair shares its created time to the microsecond: the page order must break the tie by number
    const created = new Date(base + Math.floor(i / 2) * 86_400_000 * (i % 3 === 0 ? 1 : 1.01));
    const rating = i % 4 === 0 ? null : (i % 5) + 1;
    await sys.db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values({
        case_no: caseNo, kind: kind.kind, workflow_id: `${kind.kind}-${caseNo}`, district_id: 'd-xihu', street_id: street, enterprise_id: enterprise,
        enterprise_name: `企业${enterprise}`, status: 'open', stage, level: 'street', complainant_name: '测试', complainant_phone: null,
        claimed_fen: 0, worker_count: 1, outcome: null, recovered_fen: null, rating, rating_comment: null, enterprise_notified_at: null,
        created_at: created, updated_at: created,
      }).execute();
      await insertKindFacts(trx, kind.kind, caseNo, { category, description: '测试' });
    });
    const overdue = i % 6 === 1;
    await sys.db.insertInto('tasks').values({
      task_id: `t-${caseNo}`, case_no: caseNo, kind: 'step', title: '测试', assignee_role: 'street_caseworker', org_unit_id: street,
      department: null, due_at: new Date(overdue ? Date.now() - 3_600_000 : Date.now() + 86_400_000), status: 'open', escalation_level: 0, opened_at: created,
    }).execute();
    // a stored category is the kind's own (a kind of one category keeps none per case: its only one)
    seeded.push({ caseNo, kind: kind.kind, street, enterprise, category: categories.length === 1 ? categories[0] : category, stage, created, rating, overdue });
  }
}

const IN_2025 = 'from=2025-01-01&to=2025-12-31';
async function list(query: string, who = 'xihu.qb', limit = 200): Promise<string[]> {
  const r = await api.call('GET', `/api/v1/cases?${query}&limit=${limit}`, undefined, tokens[who]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.cases as { caseNo: string }[]).map((c) => c.caseNo);
}
const newestFirst = (rows: Seeded[]) => [...rows].sort((a, b) => b.created.getTime() - a.created.getTime() || (a.caseNo < b.caseNo ? 1 : -1)).map((r) => r.caseNo);

beforeAll(async () => {
  sys = await startSystem('case_finder');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  for (const u of ['xihu.qb', 'xihu.fg', 'xihu.sj', 'beishan.zx', 'beishan.sg']) tokens[u] = await api.login(u);
  await seed();
  realCase = (await fileAsWorker(sys, { enterpriseId: 'e-fangzhi' })).caseNo;
  await eventually(async () => (await sys.db.selectFrom('cases').select('case_no').where('case_no', '=', realCase).executeTakeFirst()) !== undefined);
}, 60_000);

afterAll(async () => {
  await sys?.stop();
});

describe('finding cases (issue 23)', () => {
  it('filters by each field as the rows say', async () => {
    expect(await list(IN_2025)).toEqual(newestFirst(seeded));
    const k = CASE_KINDS[1].kind;
    expect(await list(`${IN_2025}&kind=${k}`)).toEqual(newestFirst(seeded.filter((s) => s.kind === k)));
    expect(await list(`${IN_2025}&street=s-xixi`)).toEqual(newestFirst(seeded.filter((s) => s.street === 's-xixi')));
    expect(await list(`${IN_2025}&enterprise=e-canyin`)).toEqual(newestFirst(seeded.filter((s) => s.enterprise === 'e-canyin')));
    expect(await list(`${IN_2025}&overdue=yes`)).toEqual(newestFirst(seeded.filter((s) => s.overdue)));
    expect(await list(`${IN_2025}&overdue=no`)).toEqual(newestFirst(seeded.filter((s) => !s.overdue)));
    expect(await list(`${IN_2025}&rating=2`)).toEqual(newestFirst(seeded.filter((s) => s.rating === 2)));
    for (const c of [...new Set(seeded.map((s) => s.category))].slice(0, 4)) {
      expect(await list(`${IN_2025}&category=${c}`), c).toEqual(newestFirst(seeded.filter((s) => s.category === c)));
    }
    const stage = seeded[5].stage;
    expect(await list(`${IN_2025}&stage=${stage}`)).toEqual(newestFirst(seeded.filter((s) => s.stage === stage)));
    // a Shanghai day: 2025-03-01 10:00 (+08) is the first row, on that day
    expect(await list('from=2025-03-01&to=2025-03-01')).toEqual(newestFirst(seeded.filter((s) => s.created < new Date('2025-03-02T00:00:00+08:00'))));
    const r = await api.call('GET', `/api/v1/cases?${IN_2025}&limit=1`, undefined, tokens['xihu.qb']);
    const first = seeded.find((s) => s.caseNo === r.body.cases[0].caseNo)!;
    const kind = CASE_KINDS.find((x) => x.kind === first.kind)!;
    expect(r.body.cases[0]).toMatchObject({ kindLabel: kind.label, stageLabel: kind.labels.stages[first.stage], overdue: first.overdue, rating: first.rating });
  });

  it('pages by keyset without duplicates or gaps', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const r: { status: number; body: { cases: { caseNo: string }[]; next: string | null } } =
        await api.call('GET', `/api/v1/cases?${IN_2025}&limit=7${next ? `&after=${encodeURIComponent(next)}` : ''}`, undefined, tokens['xihu.qb']);
      expect(r.status).toBe(200);
      seen.push(...r.body.cases.map((c) => c.caseNo));
      next = r.body.next;
    } while (next);
    expect(seen).toEqual(newestFirst(seeded));
    expect(new Set(seen).size).toBe(seeded.length);
  });

  it('exports the filtered list as CSV with a BOM', async () => {
    const res = await fetch(`${sys.baseUrl}/staff/cases.csv?${IN_2025}&street=s-beishan`, { headers: { authorization: `Bearer ${tokens['xihu.fg']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"案件编号","类型","诉求类别","企业","街道","环节","登记时间","是否超时","评分"');
    expect(lines.slice(1).map((l) => l.split(',')[0].replace(/"/g, ''))).toEqual(newestFirst(seeded.filter((s) => s.street === 's-beishan')));
    expect(lines[1]).toContain('北山');
  });

  it('keeps saved filters per person', async () => {
    const saved = await api.call('POST', '/api/v1/case-filters', { name: '北山超时', street: 's-beishan', overdue: 'yes' }, tokens['xihu.qb']);
    expect(saved.status).toBe(201);
    expect(saved.body.query).toBe('street=s-beishan&overdue=yes');
    expect((await api.call('GET', '/api/v1/case-filters', undefined, tokens['xihu.qb'])).body.filters.map((f: { name: string }) => f.name)).toEqual(['北山超时']);
    expect((await api.call('GET', '/api/v1/case-filters', undefined, tokens['xihu.fg'])).body.filters).toEqual([]);
    expect((await api.call('DELETE', `/api/v1/case-filters/${saved.body.id}`, undefined, tokens['xihu.fg'])).status).toBe(404);
    const page = (await (await fetch(`${sys.baseUrl}/staff/cases`, { headers: { authorization: `Bearer ${tokens['xihu.qb']}` } })).text()).replace(/&#x3D;/g, '=');
    expect(page).toContain('href="/staff/cases?street=s-beishan&amp;overdue=yes"');
    expect((await api.call('DELETE', `/api/v1/case-filters/${saved.body.id}`, undefined, tokens['xihu.qb'])).status).toBe(204);
    expect((await api.call('GET', '/api/v1/case-filters', undefined, tokens['xihu.qb'])).body.filters).toEqual([]);
  });

  it('refuses a bad filter in zh-CN, naming the field', async () => {
    // the JSON API tells a request off its schema (400) from one refused by what exists (422); the page says 400 to both
    const bad: [string, string, number][] = [
      ['kind=no_such_kind', '案件类型不是可选的值', 400], ['from=2026-02-30', '登记日期起不是有效的日期', 422], ['to=2026-1-5', '登记日期止应为', 400],
      ['rating=6', '评分应为1到5之间的整数', 400], ['rating=x', '评分应为1到5之间的整数', 400], ['street=s-nowhere', '街道不存在或不在您的辖区', 422],
      ['enterprise=e-nowhere', '企业不存在或不在您的辖区', 422], ['from=2025-05-01&to=2025-04-01', '登记日期止不能早于登记日期起', 422],
      ['after=garbage', '翻页位置格式不正确', 400], ['colour=red', '无法识别的项', 400],
    ];
    for (const [q, message, status] of bad) {
      const r = await api.call('GET', `/api/v1/cases?${q}`, undefined, tokens['xihu.qb']);
      expect(r.status, q).toBe(status);
      expect(r.body.message, q).toContain(message);
      const page = await fetch(`${sys.baseUrl}/staff/cases?${q}`, { headers: { authorization: `Bearer ${tokens['xihu.qb']}` } });
      expect(page.status, q).toBe(400);
      expect(await page.text(), q).toContain(message);
    }
    expect((await api.call('POST', '/api/v1/case-filters', { name: '  ' }, tokens['xihu.qb'])).status).toBe(400);
  });

  it('keeps a street chair to their street, and the finder from a caseworker', async () => {
    expect(await list(IN_2025, 'beishan.zx')).toEqual(newestFirst(seeded.filter((s) => s.street === 's-beishan')));
    const other = await api.call('GET', '/api/v1/cases?street=s-xixi', undefined, tokens['beishan.zx']);
    expect(other.status).toBe(422);
    const xixi = seeded.find((s) => s.street === 's-xixi')!;
    expect((await api.call('GET', `/api/v1/cases/${xixi.caseNo}`, undefined, tokens['beishan.zx'])).status).toBe(403);
    expect((await api.call('GET', '/api/v1/cases', undefined, tokens['beishan.sg'])).status).toBe(403);
  });

  it('lets the auditor see the district and its cases, and do nothing', async () => {
    expect(await list(IN_2025, 'xihu.sj')).toEqual(newestFirst(seeded));
    const headers = { authorization: `Bearer ${tokens['xihu.sj']}` };
    expect((await fetch(`${sys.baseUrl}/staff/cases/${realCase}`, { headers })).status).toBe(200);
    expect((await fetch(`${sys.baseUrl}/staff/cases/${realCase}/history`, { headers })).status).toBe(200);
    const act = await api.call('POST', `/api/v1/cases/${realCase}/actions/contactComplainant`, { note: '已联系' }, tokens['xihu.sj']);
    expect(act.status).toBe(403);
    expect(act.body.message).toBe('您的角色无权办理案件');
    const form = await fetch(`${sys.baseUrl}/staff/cases/${realCase}/actions/contactComplainant`, {
      method: 'POST', redirect: 'manual', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'note=%E5%B7%B2%E8%81%94%E7%B3%BB',
    });
    expect(form.status).toBe(403);
    const menu = await (await fetch(`${sys.baseUrl}/staff`, { headers })).text();
    expect(menu).toContain('href="/staff/cases"');
    expect(menu).toContain('审计（只读）');
    for (const hidden of ['/staff/calendar', '/staff/library', '/staff/grievances/new', '/staff/wage-plan', '/staff/documents']) expect(menu, hidden).not.toContain(`href="${hidden}"`);
    const events = await sys.db.selectFrom('case_events').select('actor_role').where('case_no', '=', realCase).execute();
    expect(events.map((e) => e.actor_role)).not.toContain('auditor');
  });
});
