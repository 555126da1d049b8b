/**
 * Figures over cases (issues 21 and 23), pinned on a small data set written straight into the rows the workflows'
 * activities write (these reports only read them), with every expected number worked out by hand below: the "four
 * haves" by street, caseworker and kind, a street chair kept to their street, the station's figures by month and
 * mediator (a mediator sees their station's cases, district staff the district's), the CSV and chart image, and bad
 * input refused in zh-CN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH } from '../../db/event-chain';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};
const NOW = Date.now();
const H = 3_600_000;
const D = 24 * H;
const shanghaiDay = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);
/** the four haves' range: the last 60 days (the station's cases of 2025 fall outside it) */
const RANGE = `from=${shanghaiDay(NOW - 60 * D)}&to=${shanghaiDay(NOW)}`;

type Ev = { type: string; actor: string; role: string; at: number; data?: Record<string, unknown> };
interface CaseSpec {
  no: string; kind: string; street: string; created: number; status?: string; rating?: number; recovered?: number; outcome?: string;
  events: Ev[]; tasks?: { due: number; status: string; closed?: number; escalation?: number }[];
  agreed?: number[]; station?: boolean;
}

const WORKER: Omit<Ev, 'at'> = { type: 'filed', actor: '职工', role: 'worker' };
const SG = '北山街道社工';
const ZHOU = '工会调解员周调解';
const LIN = '工会调解员林调解';
const LAWYER = '法律援助律师吴律师';

async function insertCase(c: CaseSpec): Promise<void> {
  await sys.db.transaction().execute(async (trx) => {
    await trx.insertInto('cases').values({
      case_no: c.no, kind: c.kind, workflow_id: `${c.kind}-${c.no}`, district_id: 'd-xihu', street_id: c.street, enterprise_id: null,
      enterprise_name: '测试企业', status: c.status ?? 'open', stage: c.status === 'closed' ? 'closed' : 'x', level: 'street',
      complainant_name: '测试', complainant_phone: null, claimed_fen: 0, worker_count: 1, outcome: c.outcome ?? null,
      recovered_fen: c.recovered ?? null, rating: c.rating ?? null, rating_comment: null, enterprise_notified_at: null,
      created_at: new Date(c.created), updated_at: new Date(c.created),
    }).execute();
    let prev = GENESIS_HASH;
    for (const [i, e] of c.events.entries()) {
      const row = { event_key: `${c.no}#${i + 1}`, case_no: c.no, seq: i + 1, type: e.type, actor: e.actor, actor_role: e.role, summary: e.type, data: e.data ?? {}, at: new Date(e.at) };
      const hash = eventHash(prev, row);
      await trx.insertInto('case_events').values({ ...row, data: JSON.stringify(row.data), prev_hash: prev, hash }).execute();
      prev = hash;
    }
    for (const [i, t] of (c.tasks ?? []).entries()) {
      await trx.insertInto('tasks').values({
        task_id: `${c.no}-t${i}`, case_no: c.no, kind: 'step', title: '测试', assignee_role: 'street_caseworker', org_unit_id: c.street, department: null,
        due_at: new Date(t.due), status: t.status, escalation_level: t.escalation ?? 0, assignee_user_id: null, opened_at: new Date(c.created),
        closed_at: t.closed ? new Date(t.closed) : null,
      }).execute();
    }
    for (const [i, fen] of (c.agreed ?? []).entries()) {
      await trx.insertInto('case_parties').values({ case_no: c.no, party_no: i + 2, side: 'worker', name: `职工${i}`, phone: null, id_number: null, enterprise_id: null, claimed_fen: fen, agreed_fen: fen || null, updated_at: new Date(c.created) }).execute();
    }
    if (c.station) await trx.insertInto('case_access').values({ case_no: c.no, unit_id: 'i-xihu-station', role: 'union_mediator', user_id: null, reason: 'assigned', granted_at: new Date(c.created) }).execute();
  });
}

const at = (iso: string) => Date.parse(iso);
// The "four haves" cases, registered within the last 60 days (F before them).
const A = NOW - 10 * D;
const B = NOW - 40 * D;
const C = NOW - 2 * D;
const Dm = NOW - 20 * D;
const E = NOW - 30 * D;
const CASES: CaseSpec[] = [
  // 北山: contacted after 2 h; one step on time, one open past due and escalated twice; open 10 days
  { no: 'FIGA', kind: 'grievance', street: 's-beishan', created: A, events: [{ ...WORKER, at: A }, { type: 'task_opened', actor: '系统', role: 'system', at: A }, { type: 'complainant_contacted', actor: SG, role: 'street_caseworker', at: A + 2 * H }],
    tasks: [{ due: A + D, status: 'done', closed: A + 2 * H }, { due: NOW - D, status: 'open', escalation: 2 }] },
  // 北山: contacted after 6 h; its step done late, escalated once; closed, rated 4
  { no: 'FIGB', kind: 'grievance', street: 's-beishan', created: B, status: 'closed', rating: 4, events: [{ ...WORKER, at: B }, { type: 'complainant_contacted', actor: SG, role: 'street_caseworker', at: B + 6 * H }],
    tasks: [{ due: B + D, status: 'done', closed: B + 30 * H, escalation: 1 }] },
  // 西溪: nobody has responded; its step is not due yet; open 2 days
  { no: 'FIGC', kind: 'grievance', street: 's-xixi', created: C, events: [{ ...WORKER, at: C }], tasks: [{ due: NOW + D, status: 'open' }] },
  // 西溪: mediation taken by 周 after 1 h, agreed (5 000 + 3 000 yuan), 3 000 yuan paid; its step on time; open 20 days
  { no: 'FIGD', kind: 'mediation', street: 's-xixi', created: Dm, station: true, agreed: [500_000, 300_000], events: [
    { type: 'mediation_applied', actor: ZHOU, role: 'union_mediator', at: Dm, data: { appliedAt: new Date(Dm - D).toISOString() } },
    { type: 'task_claimed', actor: ZHOU, role: 'union_mediator', at: Dm + H },
    { type: 'agreement_confirmed', actor: '用人单位', role: 'employer', at: Dm + 5 * D, data: { remaining: 0 } },
    { type: 'review_confirmed', actor: '仲裁院书记员郑书记', role: 'arbitration_clerk', at: Dm + 6 * D },
    { type: 'payment_recorded', actor: ZHOU, role: 'union_mediator', at: Dm + 8 * D, data: { paidFen: 300_000 } },
  ], tasks: [{ due: Dm + 15 * D, status: 'done', closed: Dm + 5 * D }] },
  // 北山: legal aid, the lawyer accepted after 3 h, settled for 2 000 yuan, 1 000 recovered; closed, rated 2
  { no: 'FIGE', kind: 'legal_aid', street: 's-beishan', created: E, status: 'closed', rating: 2, recovered: 100_000, events: [
    { type: 'legal_aid_applied', actor: '区权保部王干事', role: 'district_staff', at: E },
    { type: 'assignment_accepted', actor: LAWYER, role: 'legal_aid_lawyer', at: E + 3 * H },
    { type: 'settlement_recorded', actor: LAWYER, role: 'legal_aid_lawyer', at: E + 5 * D, data: { result: 'settled', amountFen: 200_000 } },
  ] },
  // registered before the range: in no figure
  { no: 'FIGF', kind: 'grievance', street: 's-beishan', created: NOW - 100 * D, rating: 1, events: [{ ...WORKER, at: NOW - 100 * D }] },
  // The station's cases of 2025. G: applied 3-08, taken by 周, agreed 3-20 (4 000 yuan; a worker settled and withdrew 3-15),
  // 调解书 12 h later, paid 1 000 in April and 500 in May.
  { no: 'FIGG', kind: 'mediation', street: 's-xixi', created: at('2025-03-10T02:00:00Z'), station: true, agreed: [400_000, 0], events: [
    { type: 'mediation_applied', actor: ZHOU, role: 'union_mediator', at: at('2025-03-10T02:00:00Z'), data: { appliedAt: '2025-03-08T02:00:00Z' } },
    { type: 'task_claimed', actor: ZHOU, role: 'union_mediator', at: at('2025-03-10T03:00:00Z') },
    { type: 'worker_withdrawn', actor: ZHOU, role: 'union_mediator', at: at('2025-03-15T02:00:00Z'), data: { partyNo: 3, reason: '已结清', settled: true } },
    { type: 'agreement_confirmed', actor: '用人单位', role: 'employer', at: at('2025-03-20T02:00:00Z'), data: { remaining: 0 } },
    { type: 'review_confirmed', actor: '仲裁院书记员郑书记', role: 'arbitration_clerk', at: at('2025-03-20T14:00:00Z') },
    { type: 'payment_recorded', actor: ZHOU, role: 'union_mediator', at: at('2025-04-02T02:00:00Z'), data: { paidFen: 100_000 } },
    { type: 'payment_recorded', actor: ZHOU, role: 'union_mediator', at: at('2025-05-02T02:00:00Z'), data: { paidFen: 50_000 } },
  ] },
  // H: opened by 周 (no application time recorded: registration counts), taken by 林, a worker split off 4-05, transferred 4-10
  { no: 'FIGH', kind: 'mediation', street: 's-beishan', created: at('2025-03-25T02:00:00Z'), station: true, events: [
    { type: 'mediation_applied', actor: ZHOU, role: 'union_mediator', at: at('2025-03-25T02:00:00Z') },
    { type: 'task_claimed', actor: LIN, role: 'union_mediator', at: at('2025-03-26T02:00:00Z') },
    { type: 'agreement_drafted', actor: ZHOU, role: 'union_mediator', at: at('2025-03-27T02:00:00Z') },
    { type: 'worker_split_off', actor: LIN, role: 'union_mediator', at: at('2025-04-05T02:00:00Z'), data: { partyNo: 2, newCaseNo: 'FIGX' } },
    { type: 'document_generated', actor: '系统', role: 'system', at: at('2025-04-10T02:00:00Z'), data: { kind: 'transfer-letter' } },
  ] },
  // I: registered 1 May, 01:00 in Shanghai (30 April in UTC) by district staff, nobody took it; withdrawn 3 May
  { no: 'FIGI', kind: 'mediation', street: 's-xixi', created: at('2025-04-30T17:00:00Z'), station: true, status: 'closed', outcome: 'withdrawn', events: [
    { type: 'mediation_applied', actor: '区权保部王干事', role: 'district_staff', at: at('2025-04-30T17:00:00Z') },
    { type: 'closed', actor: '系统', role: 'system', at: at('2025-05-03T02:00:00Z') },
  ] },
  // J: a mediation of the district the station was not assigned: district staff count it, the station does not
  { no: 'FIGJ', kind: 'mediation', street: 's-xixi', created: at('2025-04-01T02:00:00Z'), events: [
    { type: 'mediation_applied', actor: ZHOU, role: 'union_mediator', at: at('2025-04-01T02:00:00Z') },
  ] },
];

beforeAll(async () => {
  sys = await startSystem('figures');
  api = apiClient(sys.baseUrl);
  for (const c of CASES) await insertCase(c);
  for (const u of ['xihu.qb', 'beishan.zx', 'beishan.sg', 'xihu.tj', 'xihu.sj']) tokens[u] = await api.login(u);
}, 60_000);
afterAll(async () => {
  await sys?.stop();
});

const get = (path: string, user: string) => api.call('GET', path, undefined, tokens[user]);
/** the CSV's text once its first bytes are the BOM Excel needs (fetch's text() would drop it) */
async function bomText(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toContain('text/csv');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

describe('the "four haves" figures', () => {
  it('by street: each figure as worked out by hand, and the whole district', async () => {
    const r = await get(`/api/v1/figures/four-haves?${RANGE}`, 'xihu.qb');
    expect(r.status).toBe(200);
    const [beishan, cuiyuan, xixi] = r.body.groups;
    expect([beishan.label, cuiyuan.label, xixi.label]).toEqual(['北山街道总工会', '翠苑街道总工会', '西溪街道总工会']);
    // A, B, E: responses after 2, 6 and 3 hours; steps: A's on time, A's open past due, B's late; A open 10 days
    expect(beishan).toMatchObject({
      cases: 3, response: { responded: 3, hoursAvg: 3.7, hoursMedian: 3 }, steps: { due: 3, onTime: 1, onTimePercent: 33.3 },
      escalations: { steps: 2, rungs: 3 }, open: { total: 1, byAge: [0, 0, 1, 0, 0] },
      ratings: { count: 2, mean: 3, distribution: [0, 1, 0, 1, 0] }, money: { cases: 1, agreedFen: 200_000, recoveredFen: 100_000 },
    });
    expect(cuiyuan).toMatchObject({ cases: 0, open: { total: 0 }, ratings: { count: 0, mean: null } });
    // C (no response, step not due, open 2 days) and D (1 hour, on time, open 20 days, 8 000 agreed, 3 000 paid)
    expect(xixi).toMatchObject({
      cases: 2, response: { responded: 1, hoursAvg: 1, hoursMedian: 1 }, steps: { due: 1, onTime: 1, onTimePercent: 100 },
      escalations: { steps: 0, rungs: 0 }, open: { total: 2, byAge: [1, 0, 0, 1, 0] }, money: { cases: 1, agreedFen: 800_000, recoveredFen: 300_000 },
    });
    expect(r.body.total).toMatchObject({
      cases: 5, response: { responded: 4, hoursAvg: 3, hoursMedian: 2.5 }, steps: { due: 4, onTime: 2, onTimePercent: 50 },
      escalations: { steps: 2, rungs: 3 }, open: { total: 3, byAge: [1, 0, 1, 1, 0] }, ratings: { count: 2, mean: 3 },
      money: { cases: 2, agreedFen: 1_000_000, recoveredFen: 400_000 },
    });
  });

  it('by caseworker (whoever responded first) and by kind', async () => {
    const who = await get(`/api/v1/figures/four-haves?${RANGE}&by=caseworker`, 'xihu.sj');
    expect(who.status).toBe(200);
    expect(Object.fromEntries(who.body.groups.map((g: { label: string; cases: number }) => [g.label, g.cases])))
      .toEqual({ '（尚未响应）': 1, [SG]: 2, [ZHOU]: 1, [LAWYER]: 1 });
    const kind = await get(`/api/v1/figures/four-haves?${RANGE}&by=kind`, 'xihu.qb');
    expect(Object.fromEntries(kind.body.groups.map((g: { key: string; cases: number }) => [g.key, g.cases]))).toEqual({ grievance: 3, legal_aid: 1, mediation: 1 });
  });

  it('keeps a street chair to their street; the page, its chart image and the CSV', async () => {
    const own = await get(`/api/v1/figures/four-haves?${RANGE}`, 'beishan.zx');
    expect(own.body.groups.map((g: { key: string }) => g.key)).toEqual(['s-beishan']);
    expect(own.body.total.cases).toBe(3);
    // a rule no schema states: 422 in the JSON API (400 on the pages)
    expect((await get(`/api/v1/figures/four-haves?${RANGE}&street=s-xixi`, 'beishan.zx'))).toMatchObject({ status: 422, body: { message: '街道不存在或不在您的辖区' } });

    const page = await get(`/staff/figures?${RANGE}`, 'beishan.zx');
    expect(page.status).toBe(200);
    expect(page.body).toContain('北山街道总工会');
    expect(page.body).toContain('/staff/figures/chart.png?');
    const png = await fetch(`${sys.baseUrl}/staff/figures/chart.png?${RANGE}&chart=open`, { headers: { authorization: `Bearer ${tokens['beishan.zx']}` } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    const csv = await fetch(`${sys.baseUrl}/staff/figures.csv?${RANGE}`, { headers: { authorization: `Bearer ${tokens['xihu.qb']}` } });
    const text = await bomText(csv);
    expect(text).toContain('"北山街道总工会","3","3","3.7","3","3","1","33.3","2","3","1","0","0","1","0","0","2","3","0","1","0","1","0","1","2000.00","1000.00"');
    expect(text).toContain('"合计","5","4","3","2.5"');
  });
});

describe("the station's figures", () => {
  it('by month and mediator, for the station\'s mediator', async () => {
    const r = await get('/api/v1/figures/station?from=2025-03&to=2025-05', 'xihu.tj');
    expect(r.status).toBe(200);
    const [mar, apr, may] = r.body.months;
    expect(mar.mediators.map((m: { mediator: string }) => m.mediator)).toEqual([LIN, ZHOU]);
    const zhou = mar.mediators.find((m: { mediator: string }) => m.mediator === ZHOU);
    expect(zhou).toMatchObject({ received: 1, agreed: 1, agreedFen: 400_000, daysToAgreementAvg: 12, reviewConfirmed: 1, daysToReviewAvg: 0.5, workersWithdrawn: 1, workersSettled: 1, recoveredFen: 0 });
    expect(mar.total).toMatchObject({ received: 2, agreed: 1, transferred: 0 });
    // names in pinyin order: 林 (lín) before 周 (zhōu)
    expect(apr.mediators).toEqual([
      expect.objectContaining({ mediator: LIN, transferred: 1, workersSplitOff: 1, received: 0 }),
      expect.objectContaining({ mediator: ZHOU, recoveredFen: 100_000 }),
    ]);
    expect(may.mediators).toEqual(expect.arrayContaining([
      expect.objectContaining({ mediator: '（未接单）', received: 1, casesWithdrawn: 1 }), expect.objectContaining({ mediator: ZHOU, recoveredFen: 50_000 }),
    ]));
    expect(r.body.total).toMatchObject({
      received: 3, agreed: 1, transferred: 1, casesWithdrawn: 1, workersWithdrawn: 1, workersSettled: 1, workersSplitOff: 1, reviewConfirmed: 1,
      agreedFen: 400_000, recoveredFen: 150_000, daysToAgreementAvg: 12, daysToReviewAvg: 0.5,
    });
  });

  it('the district sees its mediation cases the station was not assigned; the page and the CSV', async () => {
    const r = await get('/api/v1/figures/station?from=2025-03&to=2025-05', 'xihu.qb');
    expect(r.body.total.received).toBe(4);
    expect(r.body.months[1].total.received).toBe(1);
    const page = await get('/staff/station-figures?from=2025-03&to=2025-05', 'xihu.tj');
    expect(page.status).toBe(200);
    expect(page.body).toContain(LIN);
    const csv = await bomText(await fetch(`${sys.baseUrl}/staff/station-figures.csv?from=2025-03&to=2025-05`, { headers: { authorization: `Bearer ${tokens['xihu.tj']}` } }));
    expect(csv).toContain('"2025-03至2025-05","合计","3","1","1","1","1","1","1","1","4000.00","1500.00","12","0.5"');
  });
});

describe('bad input and the wrong role', () => {
  it('is refused in zh-CN', async () => {
    const cases: [string, string, number, string][] = [
      ['/api/v1/figures/four-haves?from=2026-02-30', 'xihu.qb', 422, '起始日期不是有效的日期'],
      ['/api/v1/figures/four-haves?from=2026/01/01', 'xihu.qb', 400, '起始日期应为“年-月-日”格式的日期，如2026-01-31'],
      ['/api/v1/figures/four-haves?from=2026-03-01&to=2026-02-01', 'xihu.qb', 422, '截止日期不能早于起始日期'],
      ['/api/v1/figures/four-haves?from=2020-01-01&to=2026-01-01', 'xihu.qb', 422, '日期范围不能超过三年，请缩短范围'],
      ['/api/v1/figures/four-haves?by=enterprise', 'xihu.qb', 400, '分组方式不是可选的值'],
      ['/api/v1/figures/four-haves?street=s-nowhere', 'xihu.qb', 422, '街道不存在或不在您的辖区'],
      ['/api/v1/figures/four-haves?colour=red', 'xihu.qb', 400, '查询条件含有无法识别的项“colour”'],
      ['/api/v1/figures/station?from=2025-13', 'xihu.tj', 422, '起始月份不是有效的月份'],
      ['/api/v1/figures/station?to=2025-3', 'xihu.tj', 400, '截止月份应为“年-月”格式，如2026-01'],
      ['/api/v1/figures/station?from=2025-05&to=2025-03', 'xihu.tj', 422, '截止月份不能早于起始月份'],
      ['/api/v1/figures/four-haves', 'beishan.sg', 403, '您的角色无权'],
      ['/api/v1/figures/four-haves', 'xihu.tj', 403, '您的角色无权'],
      ['/api/v1/figures/station', 'beishan.zx', 403, '您的角色无权'],
    ];
    for (const [path, user, status, message] of cases) {
      const r = await get(path, user);
      expect({ path, status: r.status }).toEqual({ path, status });
      expect(r.body.message).toContain(message);
    }
    const page = await get('/staff/figures?to=2026-13-01', 'xihu.qb');
    expect(page.status).toBe(400);
    expect(page.body).toContain('截止日期不是有效的日期');
    expect((await get('/staff/figures/chart.png?chart=pie', 'xihu.qb')).status).toBe(400);
    const noChart = await get('/staff/station-figures/chart.png', 'xihu.qb');
    expect(noChart.status).toBe(400);
    expect(noChart.body).toContain('请选择图表');
  });
});
