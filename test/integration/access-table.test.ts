/**
 * Deny by default, as a table (issue 14): every route of the app, tried as every role and as nobody, against a
 * case of 北山街道 / 西湖精密机械 that its enterprise's chair was told of and that is now closed. "Y": the access layer let
 * the caller through (what follows is the case's own rules or validation); "-": refused as not signed in, not allowed
 * for the role, not theirs to see, or not the worker's own case. The expectations are written out below, not derived
 * from the policy they test; a route added later fails this test until it has a row. The table is printed and is in
 * docs/access.md ("The role × route table").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker, receiptLinkToken } from '../helpers/worker-proof';

const COLUMNS = [
  ['nobody', ''], ['worker', ''], ['street_caseworker', 'beishan.sg'], ['street_chair', 'beishan.zx'], ['district_staff', 'xihu.qb'],
  ['supervising_leader', 'xihu.fg'], ['district_chair', 'xihu.zx'], ['enterprise_chair', 'jingmi.zx'], ['partner_department', 'xihu.rs'],
  ['union_mediator', 'xihu.tj'], ['legal_aid_lawyer', 'xihu.ls'], ['arbitration_clerk', 'xihu.zc'], ['court_clerk', 'xihu.fy'],
  ['procurator', 'xihu.jc'], ['negotiation_mentor', 'xihu.ds'], ['auditor', 'xihu.sj'],
] as const;

/** route → one mark per column, in COLUMNS order */
const EXPECTED = `
GET /static/app.css                                      YYYYYYYYYYYYYYYY
GET /static/app.js                                       YYYYYYYYYYYYYYYY
GET /                                                    YYYYYYYYYYYYYYYY
GET /grievances/new                                      YYYYYYYYYYYYYYYY
POST /grievances                                         YYYYYYYYYYYYYYYY
POST /grievances/phone-code                              YYYYYYYYYYYYYYYY
GET /grievances/:caseNo/filed                            YYYYYYYYYYYYYYYY
POST /grievances/check                                   YYYYYYYYYYYYYYYY
GET /library                                             YYYYYYYYYYYYYYYY
GET /library/:slug                                       YYYYYYYYYYYYYYYY
GET /t/:token                                            YYYYYYYYYYYYYYYY
GET /track                                               YYYYYYYYYYYYYYYY
POST /track                                              YYYYYYYYYYYYYYYY
POST /track/verify                                       YYYYYYYYYYYYYYYY
GET /legal-aid/track                                     YYYYYYYYYYYYYYYY
POST /legal-aid/track                                    YYYYYYYYYYYYYYYY
POST /legal-aid/track/verify                             YYYYYYYYYYYYYYYY
GET /legal-aid/track/:caseNo                             ----------------
POST /legal-aid/track/:caseNo/rate                       ----------------
GET /legal-aid/apply                                     YYYYYYYYYYYYYYYY
POST /legal-aid/apply                                    YYYYYYYYYYYYYYYY
POST /legal-aid/apply/code                               YYYYYYYYYYYYYYYY
GET /track/:caseNo                                       -Y--------------
POST /track/:caseNo/rate                                 -Y--------------
POST /track/:caseNo/note                                 -Y--------------
POST /track/:caseNo/withdraw                             -Y--------------
POST /track/logout                                       YYYYYYYYYYYYYYYY
GET /confirm/:caseNo                                     YYYYYYYYYYYYYYYY
POST /confirm/:caseNo                                    YYYYYYYYYYYYYYYY
POST /confirm/:caseNo/agreement                          YYYYYYYYYYYYYYYY
POST /confirm/:caseNo/copy                               YYYYYYYYYYYYYYYY
GET /negotiation/:code                                   YYYYYYYYYYYYYYYY
POST /negotiation/:code/phone-code                       YYYYYYYYYYYYYYYY
POST /negotiation/:code/posts                            YYYYYYYYYYYYYYYY
GET /staff/login                                         YYYYYYYYYYYYYYYY
POST /staff/login                                        YYYYYYYYYYYYYYYY
POST /staff/logout                                       YYYYYYYYYYYYYYYY
GET /staff                                               --YYYYYYYYYYYYYY
GET /staff/cases/:caseNo                                 --YYYYYY-------Y
GET /staff/cases/:caseNo/history                         ---YYYY--------Y
GET /staff/cases/:caseNo/history/engine                  ---YYYY--------Y
GET /staff/cases                                         ---YYYY--------Y
GET /staff/cases.csv                                     ---YYYY--------Y
POST /staff/case-filters                                 ---YYYY--------Y
POST /staff/case-filters/:id/delete                      ---YYYY--------Y
POST /staff/task-reassignments                           ---YY-----------
POST /staff/cases/:caseNo/actions/:action                --YYY--Y--------
POST /staff/cases/:caseNo/signature                      --YYY--Y--------
GET /staff/sms                                           --YYYYYYYYYYYYYY
GET /staff/email                                         --YYYYYYYYYYYYYY
GET /staff/grievances/new                                --YYY-----------
POST /staff/grievances                                   --YYY-----------
GET /staff/calendar                                      ----Y-----------
POST /staff/calendar                                     ----Y-----------
POST /staff/calendar/:day/delete                         ----Y-----------
GET /staff/negotiation-index                             ---YYYY--------Y
GET /staff/negotiation-index/chart.png                   ---YYYY--------Y
GET /staff/negotiation-index/scores.csv                  ---YYYY--------Y
GET /staff/negotiation-index/tree                        ----Y-----------
POST /staff/negotiation-index/tree                       ----Y-----------
GET /staff/negotiation-index/values                      ----Y-----------
POST /staff/negotiation-index/values                     ----Y-----------
GET /staff/risk-warning                                  ---YYYY---------
GET /staff/risk-warning/chart.png                        ---YYYY---------
POST /staff/risk-warning/follow-ups/:followupId/done     ---YY-----------
GET /staff/figures                                       ---YYYY--------Y
GET /staff/figures/chart.png                             ---YYYY--------Y
GET /staff/figures.csv                                   ---YYYY--------Y
GET /staff/station-figures                               ----YYY--Y-----Y
GET /staff/station-figures/chart.png                     ----YYY--Y-----Y
GET /staff/station-figures.csv                           ----YYY--Y-----Y
GET /staff/library                                       ----Y-----------
GET /staff/library/new                                   ----Y-----------
POST /staff/library                                      ----Y-----------
GET /staff/library/:id                                   ----Y-----------
POST /staff/library/:id                                  ----Y-----------
POST /staff/library/:id/published                        ----Y-----------
GET /staff/mediations/new                                ---------Y-Y----
POST /staff/mediations/new                               ---------Y-Y----
GET /staff/legal-aid/new                                 ----Y-------Y---
POST /staff/legal-aid/new                                ----Y-------Y---
GET /staff/legal-aid/lawyers                             ----Y-------Y---
GET /staff/wage-plan                                     ----Y-----------
POST /staff/wage-plan                                    ----Y-----------
POST /staff/wage-plan/open                               ----Y-----------
GET /staff/cases/:caseNo/negotiation-code                --YYYYYY-------Y
GET /staff/cases/:caseNo/negotiation-code/poster         --YYYYYY-------Y
GET /staff/cases/:caseNo/negotiation-code/qr.png         --YYYYYY-------Y
GET /staff/documents                                     --------Y-YYYY--
GET /staff/documents/:id                                 --YYYYYYYYYYYYYY
POST /staff/documents/:id/receipt                        --------Y-YYYY--
GET /api/v1/organisation                                 YYYYYYYYYYYYYYYY
GET /api/v1/library/search                               YYYYYYYYYYYYYYYY
GET /api/v1/library/similar                              YYYYYYYYYYYYYYYY
POST /api/v1/phone-codes                                 YYYYYYYYYYYYYYYY
POST /api/v1/grievances                                  YYYYY-----------
POST /api/v1/worker-sessions                             YYYYYYYYYYYYYYYY
DELETE /api/v1/worker-sessions/current                   YYYYYYYYYYYYYYYY
GET /api/v1/grievances/:caseNo/progress                  -Y--------------
POST /api/v1/grievances/:caseNo/rating                   -Y--------------
POST /api/v1/grievances/:caseNo/notes                    -Y--------------
POST /api/v1/grievances/:caseNo/withdrawal               -Y--------------
POST /api/v1/sessions                                    YYYYYYYYYYYYYYYY
DELETE /api/v1/sessions/current                          --YYYYYYYYYYYYYY
GET /api/v1/tasks                                        --YYYYYYYYYYYYYY
GET /api/v1/cases/:caseNo                                --YYYYYY-------Y
GET /api/v1/cases/:caseNo/history                        ---YYYY--------Y
GET /api/v1/cases/:caseNo/integrity                      ---YYYY--------Y
GET /api/v1/cases                                        ---YYYY--------Y
GET /api/v1/case-filters                                 ---YYYY--------Y
POST /api/v1/case-filters                                ---YYYY--------Y
DELETE /api/v1/case-filters/:id                          ---YYYY--------Y
POST /api/v1/task-reassignments                          ---YY-----------
GET /api/v1/sms                                          --YYYYYYYYYYYYYY
POST /api/v1/cases/:caseNo/actions/:action               --YYY--Y--------
GET /api/v1/calendar/days                                ----Y-----------
PUT /api/v1/calendar/days/:day                           ----Y-----------
DELETE /api/v1/calendar/days/:day                        ----Y-----------
GET /api/v1/negotiation-index/tree                       ---YYYY--------Y
PUT /api/v1/negotiation-index/tree                       ----Y-----------
GET /api/v1/negotiation-index/scores                     ---YYYY--------Y
GET /api/v1/negotiation-index/values/:enterpriseId/:year ----Y-----------
GET /api/v1/risk-warnings                                ---YYYY---------
POST /api/v1/risk-warnings/follow-ups/:followupId/done   ---YY-----------
GET /api/v1/figures/four-haves                           ---YYYY--------Y
GET /api/v1/figures/station                              ----YYY--Y-----Y
PUT /api/v1/negotiation-index/values/:enterpriseId/:year ----Y-----------
POST /api/v1/mediations                                  ---------Y-Y----
POST /api/v1/legal-aid/applications                      ----Y-------Y---
GET /api/v1/wage-plans                                   ----Y-----------
PUT /api/v1/wage-plans                                   ----Y-----------
POST /api/v1/wage-plans/csv                              ----Y-----------
POST /api/v1/wage-plans/:planId/open                     ----Y-----------
POST /api/v1/legal-aid/online-applications               YYYYYYYYYYYYYYYY
POST /api/v1/mediations/:caseNo/confirmations            YYYYYYYYYYYYYYYY
POST /api/v1/mediations/:caseNo/agreement-copy           YYYYYYYYYYYYYYYY
POST /api/v1/mediations/:caseNo/signature                --YYY--Y--------
GET /api/v1/negotiation-rounds/:code                     YYYYYYYYYYYYYYYY
POST /api/v1/negotiation-rounds/:code/phone-codes        YYYYYYYYYYYYYYYY
POST /api/v1/negotiation-rounds/:code/posts              YYYYYYYYYYYYYYYY
GET /api/v1/documents                                    --------Y-YYYY--
GET /api/v1/documents/:id                                --YYYYYYYYYYYYYY
POST /api/v1/documents/:id/receipt                       --------Y-YYYY--
GET /api/v1/openapi.json                                 YYYYYYYYYYYYYYYY
OPTIONS /codec/encode                                    YYYYYYYYYYYYYYYY
POST /codec/encode                                       ----YYY---------
OPTIONS /codec/decode                                    YYYYYYYYYYYYYYYY
POST /codec/decode                                       ----YYY---------
GET /healthz                                             YYYYYYYYYYYYYYYY
`.trim().split('\n').map((line) => {
  const parts = line.trim().split(/\s+/);
  return { route: `${parts[0]} ${parts[1]}`, marks: parts[2] };
});

let sys: System;
let caseNo: string;
let link: string;
/** a legal-aid case, for the worker's legal-aid routes (no column holds a worker session of it) */
let legalAidNo: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startSystem('access');
  await sys.startWorker();
  const api = apiClient(sys.baseUrl);
  const filed = await fileAsWorker(sys, { enterpriseId: 'e-jingmi' });
  caseNo = filed.caseNo;
  tokens.worker = filed.token;
  link = await receiptLinkToken(sys, caseNo);
  for (const [, user] of COLUMNS) if (user) tokens[user] = await api.login(user);
  const aid = await api.call('POST', '/api/v1/legal-aid/applications', {
    workers: [{ name: '刘工', phone: '13600009999', idNumber: '330106198001011235', claimedFen: 100_000 }],
    debtors: [{ name: '西湖精密机械有限公司', enterpriseId: 'e-jingmi', address: '杭州市西湖区某路1号', representative: '王总' }],
    dispute: '拖欠工资', facts: '拖欠一个月工资。', streetId: 's-beishan',
  }, tokens['xihu.qb']);
  expect(aid.status).toBe(201);
  legalAidNo = aid.body.caseNo;
  // Told to the enterprise (so its chair may see it), then withdrawn and closed: every command now meets the case's
  // rules (409) once the access layer lets it through, and nothing the table sends can change it.
  await eventually(async () => (await api.call('POST', `/api/v1/cases/${caseNo}/actions/notifyEnterpriseNow`, { reason: '职工同意' }, tokens['beishan.sg'])).status === 200);
  expect((await api.call('POST', `/api/v1/grievances/${caseNo}/withdrawal`, { reason: '已解决' }, tokens.worker)).status).toBe(200);
  await eventually(async () => (await sys.db.selectFrom('cases').select('status').where('case_no', '=', caseNo).executeTakeFirst())?.status === 'closed');
});

afterAll(async () => {
  await sys?.stop();
});

/** a day outside the calendar's editable range: whoever gets past the access layer is refused by validation */
const CALENDAR_DAY = '1999-01-01';
const BODIES: Record<string, unknown> = {
  // The risk warning: a follow-up of no such key (the path's ':followupId' is refused by its pattern; nothing closes).
  'POST /staff/risk-warning/follow-ups/:followupId/done': { note: '探测' },
  'POST /api/v1/risk-warnings/follow-ups/:followupId/done': { note: '探测' },
  // The wage plan: an enterprise of no district, a plan that does not exist (nothing saved once let through).
  'POST /staff/wage-plan': { year: '2030', enterprise: '不存在的公司', plannedStart: '2030-01-01' },
  'POST /staff/wage-plan/open': { year: '2030', planId: '999999' },
  'PUT /api/v1/wage-plans': { year: 2030, rows: [{ enterprise: '不存在的公司', plannedStart: '2030-01-01' }] },
  'POST /grievances': { complainantName: '' },
  'POST /grievances/phone-code': { complainantPhone: '123' },
  'POST /track': { caseNo: 'x', phone: 'y' },
  'POST /track/verify': { caseNo: 'x', phone: 'y', code: 'z' },
  'POST /track/:caseNo/rate': { score: '5' },
  'POST /track/:caseNo/note': { text: '补充' },
  'POST /track/:caseNo/withdraw': { reason: '不想办了' },
  'POST /staff/cases/:caseNo/actions/:action': { note: '已联系' },
  'POST /staff/grievances': { complainantName: '王', complainantPhone: '13900000000', category: 'other', description: 'x', workerCount: '1', enterpriseId: 'e-nowhere' },
  'POST /api/v1/phone-codes': { phone: '123', purpose: 'file' },
  'POST /api/v1/grievances': { complainantName: '王', complainantPhone: '13900000000', category: 'other', description: 'x', claimedFen: 0, workerCount: 1, enterpriseId: 'e-nowhere' },
  'POST /api/v1/worker-sessions': { link: 'short' },
  'POST /api/v1/grievances/:caseNo/rating': { score: 5 },
  'POST /api/v1/grievances/:caseNo/notes': { text: '补充' },
  'POST /api/v1/grievances/:caseNo/withdrawal': { reason: '不想办了' },
  'POST /codec/encode': { payloads: [] },
  'POST /codec/decode': { payloads: [] },
  // Refused by validation once let through (a day out of range, rest not a boolean): the table writes no calendar day.
  'POST /staff/calendar': { day: CALENDAR_DAY, dayType: 'rest' },
  'PUT /api/v1/calendar/days/:day': { rest: 'maybe' },
  // Refused by validation once let through: no employer's name (mediation), a phone and code of the wrong shape.
  'POST /staff/mediations/new': { employerName: '', workers: '陈建国，13805920001，350203198001011234，80000', dispute: '拖欠工资', streetId: 's-beishan' },
  'POST /confirm/:caseNo': { phone: '123', code: 'x' },
  'POST /confirm/:caseNo/agreement': { phone: '123', code: 'x' },
  'POST /confirm/:caseNo/copy': { phone: '123', code: 'x' },
  'POST /api/v1/mediations/:caseNo/agreement-copy': { phone: '123', code: 'x' },
  // Refused by validation once let through: no workers (legal aid), a case number and phone of the wrong shape.
  'POST /staff/legal-aid/new': { workers: '', debtors: '', dispute: '拖欠工资', facts: 'x', streetId: 's-beishan' },
  'POST /api/v1/legal-aid/applications': { workers: [], debtors: [], dispute: '拖欠工资', facts: 'x', streetId: 's-beishan' },
  'POST /legal-aid/track': { caseNo: 'x', phone: 'y' },
  'POST /legal-aid/track/verify': { caseNo: 'x', phone: 'y', code: 'z' },
  'POST /legal-aid/track/:caseNo/rate': { rating: '5' },
  // A worker's own application online: no name, a phone of the wrong shape (no code is texted, no case opened).
  'POST /legal-aid/apply': { phone: '123', dispute: '拖欠工资' },
  'POST /legal-aid/apply/code': { phone: '123' },
  'POST /api/v1/legal-aid/online-applications': { phone: '123', dispute: '拖欠工资' },
  // The 协商码 of no round (the path's ':code'): not found, whoever asks; nothing texted, nothing posted.
  'POST /negotiation/:code/phone-code': { phone: '13900000000' },
  'POST /negotiation/:code/posts': { kind: 'suggestion', text: '建议', phone: '13900000000', phoneCode: '123456' },
  'POST /api/v1/negotiation-rounds/:code/phone-codes': { phone: '13900000000' },
  'POST /api/v1/negotiation-rounds/:code/posts': { kind: 'suggestion', text: '建议', phone: '13900000000', phoneCode: '123456' },
  // The negotiation index: a tree edit of no version, values of a year out of range (nothing saved once let through).
  'POST /staff/negotiation-index/tree': { note: '探测' },
  'POST /staff/negotiation-index/values': { enterpriseId: 'e-jingmi', year: '1999' },
  'PUT /api/v1/negotiation-index/tree': { version: 1, nodes: [{ code: 'MZ', weight: 0.5 }] },
  // The library (issue 23): no description to check, no title, an item id and a state of the wrong shape.
  'POST /grievances/check': { description: '' },
  'POST /staff/library': { title: '' },
  'POST /staff/library/:id': { title: '' },
  'POST /staff/library/:id/published': { published: 'x' },
  // The case finder (issue 23): a saved filter without a name (nothing saved once let through).
  'POST /staff/case-filters': { name: '' },
  'POST /api/v1/case-filters': { name: '' },
  // Bulk reassignment: a new holder who does not exist (nothing sent to any case once let through).
  'POST /staff/task-reassignments': { to: '999999', reason: '探测' },
  'POST /api/v1/task-reassignments': { to: 999999, reason: '探测' },
};
const PAGE_FORMS = new Set(['POST /grievances', 'POST /grievances/phone-code', 'POST /track', 'POST /track/verify', 'POST /track/:caseNo/rate',
  'POST /track/:caseNo/note', 'POST /track/:caseNo/withdraw', 'POST /track/logout', 'POST /staff/login', 'POST /staff/logout',
  'POST /staff/cases/:caseNo/actions/:action', 'POST /staff/grievances', 'POST /staff/calendar', 'POST /staff/calendar/:day/delete',
  'POST /staff/mediations/new', 'POST /staff/documents/:id/receipt', 'POST /confirm/:caseNo', 'POST /confirm/:caseNo/agreement',
  'POST /confirm/:caseNo/copy', 'POST /staff/cases/:caseNo/signature',
  'POST /staff/legal-aid/new', 'POST /legal-aid/track', 'POST /legal-aid/track/verify', 'POST /legal-aid/track/:caseNo/rate',
  'POST /legal-aid/apply', 'POST /legal-aid/apply/code', 'POST /negotiation/:code/phone-code', 'POST /negotiation/:code/posts',
  'POST /staff/negotiation-index/tree', 'POST /staff/negotiation-index/values', 'POST /grievances/check', 'POST /staff/library',
  'POST /staff/library/:id', 'POST /staff/library/:id/published', 'POST /staff/wage-plan', 'POST /staff/wage-plan/open',
  'POST /staff/case-filters', 'POST /staff/case-filters/:id/delete', 'POST /staff/task-reassignments', 'POST /staff/risk-warning/follow-ups/:followupId/done']);

function bodyFor(route: string, column: string): unknown {
  if (route.startsWith('POST /api/v1/cases/')) {
    // A body each command's schema accepts, so that what answers is access, visibility, then the case's rules.
    const action = route.split('/').pop()!;
    if (action === 'openCoordination') return { department: '人社局', note: '协查' };
    if (action === 'completeCoordination') return { taskId: 'x', note: '已办结' };
    if (action === 'recordOutcome') return { outcome: 'court' };
    if (['handUp', 'withdraw', 'takeOver', 'notifyEnterpriseNow'].includes(action)) return { reason: '理由' };
    return { note: '已办理' };
  }
  // Sign-in: a wrong password under a name of the column's own, so guess limits never mix columns.
  if (route === 'POST /staff/login' || route === 'POST /api/v1/sessions') return { username: `probe.${column}`, password: 'wrong-password' };
  return BODIES[route] ?? (route.startsWith('POST') ? {} : undefined);
}

/** Sends the route's probe as one column; 'Y' when the access layer let it through. */
async function probe(route: string, column: string, user: string): Promise<'Y' | '-'> {
  const [method, pattern] = route.split(' ');
  const path = pattern.replace(':caseNo', pattern.startsWith('/legal-aid/') ? legalAidNo : caseNo).replace(':token', link).replace(':action', 'contactComplainant').replace(':day', CALENDAR_DAY);
  // Signing out ends the token it is sent with: use a fresh one, so later rows keep theirs.
  let token = column === 'worker' ? tokens.worker : user ? tokens[user] : undefined;
  if (route === 'DELETE /api/v1/sessions/current' && user) token = await apiClient(sys.baseUrl).login(user);
  if (route === 'DELETE /api/v1/worker-sessions/current' && column === 'worker') {
    token = (await apiClient(sys.baseUrl).call('POST', '/api/v1/worker-sessions', { link })).body.accessToken;
  }
  const body = bodyFor(route, column);
  const form = PAGE_FORMS.has(route);
  // Forms go with a bearer header where there is one (no CSRF token needed then); anonymous forms carry the CSRF pair.
  let csrf: { cookie: string; token: string } | undefined;
  if (form && !token) {
    const page = await fetch(`${sys.baseUrl}/track`);
    const secret = /_csrf=([^;]+)/.exec(page.headers.getSetCookie().join(';'))![1];
    csrf = { cookie: `_csrf=${secret}`, token: /name="_csrf" value="([^"]+)"/.exec(await page.text())![1].replace(/&#x3D;/g, '=') };
  }
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method, redirect: 'manual',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(csrf ? { cookie: csrf.cookie } : {}),
      ...(body !== undefined ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } : {}),
      ...(method === 'OPTIONS' ? { origin: 'http://127.0.0.1:8233', 'access-control-request-method': 'POST' } : {}),
    },
    body: body === undefined ? undefined : form ? new URLSearchParams({ ...(body as Record<string, string>), ...(csrf ? { _csrf: csrf.token } : {}) }).toString() : JSON.stringify(body),
  });
  const text = await res.text();
  const location = res.headers.get('location') ?? '';
  const refused =
    (res.status === 401 && text.includes('请先登录')) ||
    (res.status === 403 && (text.includes('您的角色无权') || text.includes('不在您的辖区'))) ||
    (res.status === 404 && (text.includes('请通过短信中的专属链接') || text.includes('请用查询编号和手机验证码打开'))) ||
    (res.status === 303 && (location.startsWith('/staff/login?next=') || location.startsWith('/track?caseNo=') || location.startsWith('/legal-aid/track?caseNo=')));
  if (res.status >= 500) throw new Error(`${route} as ${column}: ${res.status} ${text.slice(0, 200)}`);
  return refused ? '-' : 'Y';
}

describe('who may use which route (deny by default)', () => {
  it('has a row for every route of the app, and no row for a route that is gone', async () => {
    const app = sys.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`).sort();
    expect(EXPECTED.map((r) => r.route).sort()).toEqual(app);
  });

  it('answers every route as the table says, for every role and for nobody', async () => {
    const rows: string[] = [];
    const mismatches: string[] = [];
    for (const { route, marks } of EXPECTED) {
      let got = '';
      for (const [column, user] of COLUMNS) got += await probe(route, column, user);
      rows.push(`${route.padEnd(56)} ${got}`);
      if (got !== marks) mismatches.push(`${route}: expected ${marks}, got ${got}`);
    }
    const header = `${'route'.padEnd(56)} ${COLUMNS.map((_, i) => String.fromCharCode(97 + i)).join('')}`;
    const legend = COLUMNS.map(([role], i) => `${String.fromCharCode(97 + i)}=${role}`).join(' ');
    console.log(`[access] role × route (Y: let through, -: refused)\n${legend}\n${header}\n${rows.join('\n')}`);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
