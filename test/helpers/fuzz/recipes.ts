/**
 * A recipe for every route of the app: who may use it in earnest, a valid request to start from (with the running
 * system's cases filled in later, see live.ts), and how its fields may be broken. Field rules are read off the routes'
 * own JSON schemas where there is one, so the recipes follow the schemas as they change.
 */
import fc from 'fast-check';
import { keyRingFromEnv } from '../../../activities/codec/key-ring';
import {
  CASE_NO_PATTERN, grievanceIntakeBody, grievanceIntakeForm, noteBody, PHONE_PATTERN, phoneCodeBody, ratingBody, withdrawBody, workerSessionBody,
} from '../../../api/schemas/grievance';
import { actionBodies, STAFF_ACTIONS } from '../../../workflows/kinds/grievance/actions';
import { mediationActions, MEDIATION_STAFF_ACTIONS } from '../../../workflows/kinds/mediation/actions';
import { calendarDayBody, calendarDayForm } from '../../../api/schemas/calendar';
import { libraryItemForm } from '../../../api/schemas/library';
import { confirmationBody, confirmationForm, mediationIntakeBody, mediationIntakeForm } from '../../../api/schemas/mediation';
import { DEMO_ENTERPRISES, DEMO_STAFF, DEMO_UNITS } from '../../../db/seed/demo-organisation';
import { headerJunk, junk } from './junk';
import { legalAidRecipes } from './legal-aid-recipes';
import { wageCodeRecipes } from './wage-code-recipes';
import { wagePlanRecipes } from './wage-plan-recipes';
import { riskWarningRecipes } from './risk-warning-recipes';
import { figuresRecipes } from './figures-recipes';
import { negotiationIndexRecipes } from './negotiation-index-recipes';
import { caseFinderRecipes } from './case-finder-recipes';
import { taskReassignmentRecipes } from './task-reassignment-recipes';
import { FUZZ_DAY } from './param-defects';
import { type Enc, type Fields, fieldsOf, type Recipe, type Template } from './recipe';
import { recipeKeyOf, type Route } from './routes';

const PHONE_RE = new RegExp(PHONE_PATTERN);
const USERNAMES = DEMO_STAFF.map((s) => s.username);
const ENTERPRISE_IDS = DEMO_ENTERPRISES.map((e) => e.id);
const STREET_IDS = DEMO_UNITS.filter((u) => u.level === 'street').map((u) => u.id);
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

function intakeTemplates(form: boolean): Template[] {
  const phone = '13700009999';
  const common = {
    complainantName: '王小明', complainantPhone: phone, category: 'unpaid_wages', description: '公司拖欠2025年年终奖，多次催要未果。',
    ...(form ? { claimedYuan: '8600.50', workerCount: '3' } : { claimedFen: 860_050, workerCount: 3, idempotencyKey: 'fuzz-intake-0001', phoneCode: '123456' }),
  };
  const base = ['complainantName', 'complainantPhone', 'category', 'description', 'workerCount', ...(form ? [] : ['claimedFen'])];
  return [
    { body: { ...common, enterpriseId: 'e-jingmi' }, required: [...base, 'enterpriseId'] },
    { body: { ...common, enterpriseName: '某某小作坊', streetId: 's-beishan' }, required: [...base, 'enterpriseName', 'streetId'] },
  ];
}
const intakeLookups = { enterpriseId: { lookup: ENTERPRISE_IDS }, streetId: { lookup: STREET_IDS }, enterpriseName: { notBlank: true } };

const ACTION_TEMPLATES: Record<string, Record<string, unknown>> = {
  contactComplainant: { note: '已电话联系职工，约定周三上门' }, verifyWithEnterprise: { note: '已向企业工会主席核实' },
  urgeMediation: { note: '已督促调解委员会受理' }, recordOutcome: { outcome: 'mediated', recoveredFen: 860_050, note: '调解成功' },
  recordFollowUp: { note: '已回访，职工满意' }, reviewRating: { note: '已约谈社工并回访职工' }, handUp: { reason: '涉及人数多，需区里协调' },
  openCoordination: { department: '人社局', note: '请协查社保缴纳情况' }, completeCoordination: { taskId: 'coord-fuzz', note: '已办结' },
  withdraw: { reason: '职工已与企业和解' }, takeOver: { reason: '承办人休假' }, notifyEnterpriseNow: { reason: '职工同意提前通知' },
};
const pageActionBody = (action: string) => {
  const body = { ...ACTION_TEMPLATES[action] };
  if ('recoveredFen' in body) { delete body.recoveredFen; body.recoveredYuan = '8600.50'; }
  return body as Record<string, string>;
};
const pageActionFields = (action: string): Fields => {
  const f = fieldsOf({ type: 'object', ...actionBodies[action as keyof typeof actionBodies] }, { taskId: { lookup: [] } });
  delete f.recoveredFen;
  if (action === 'recordOutcome') f.recoveredYuan = { type: 'string', pattern: /^[0-9]{1,10}(\.[0-9]{1,2})?$/ };
  return f;
};

const codecBodies = (decode: boolean) => {
  const item = (metadata: unknown, data: unknown) => ({ payloads: [{ metadata, data }] });
  const ring = keyRingFromEnv();
  const encrypted = (keyId: string, data: Buffer) => item({ encoding: b64('binary/encrypted'), 'encryption-key-id': b64(keyId) }, b64(data));
  const shapes: fc.Arbitrary<{ note: string; body: unknown }>[] = [
    fc.constant({ note: 'no payloads', body: {} }),
    fc.constantFrom<unknown>('x', {}, 5, null, [[]]).map((p) => ({ note: 'payloads not a list', body: { payloads: p } })),
    fc.constantFrom<unknown>(1, 'x', null, [1]).map((p) => ({ note: 'a payload not an object', body: { payloads: [p] } })),
    fc.constantFrom<unknown>({ encoding: {} }, { encoding: [] }, 'x', []).map((m) => ({ note: 'metadata not strings', body: item(m, 'eA==') })),
    fc.constantFrom<unknown>({}, [], [1]).map((d) => ({ note: 'data not a string', body: item({ encoding: b64('json/plain') }, d) })),
    junk(10).map((k) => ({ note: 'unknown field in a payload', body: { payloads: [{ metadata: {}, data: '', [`x${k}`]: 1 }] } })),
    junk(10).map((k) => ({ note: 'unknown top-level field', body: { payloads: [], [`x${k}`]: 1 } })),
    fc.constant({ note: '1001 payloads', body: { payloads: Array.from({ length: 1001 }, () => ({ data: '' })) } }),
  ];
  if (decode) {
    shapes.push(
      fc.tuple(junk(12), fc.uint8Array({ minLength: 0, maxLength: 64 })).map(([id, data]) => ({ note: 'ciphertext under an unknown key id', body: encrypted(`k-${id}`, Buffer.from(data)) })),
      fc.uint8Array({ minLength: 0, maxLength: 80 }).map((data) => ({ note: 'broken ciphertext under the current key', body: encrypted(ring.currentId, Buffer.from(data)) })),
      fc.constant({ note: 'encrypted without a key id', body: item({ encoding: b64('binary/encrypted') }, b64('abc')) }),
    );
  }
  return fc.oneof(...shapes);
};

/** `rest` must be true or false itself: the app's Ajv coerces types, so these would slip through a `type: boolean` */
const calendarBodies = fc.oneof(
  fc.constantFrom<unknown>('true', 'false', 1, 0, null, 'yes', '是', [true], {}, 'on').map((rest) => ({ note: `rest = ${JSON.stringify(rest)}`, body: { rest, note: '春节' } })),
  fc.constant({ note: 'rest missing', body: { note: '春节' } }),
  fc.constant({ note: 'empty object', body: {} }),
  fc.constantFrom<unknown>('x', 5, [], null, true).map((b) => ({ note: `body ${JSON.stringify(b)}`, body: b })),
);

const idempotencyHeaderValues = fc.oneof(
  fc.constantFrom('', 'a', 'short', 'k'.repeat(81), 'key with spaces', 'key;with,odd=chars', 'clé-ÿÿÿÿÿÿÿÿ', 'abc\tdefghij', '..........'),
  headerJunk(100).filter((v) => !/^[A-Za-z0-9_-]{8,80}$/.test(v)),
);

export function recipes(): Record<string, Recipe> {
  const caseNoParam = { caseNo: 'caseNo' as const };
  const anyone: Recipe = { audience: 'anyone', runs: 8 };
  const staffGet: Recipe = { audience: 'staff', runs: 8 };
  const staffCaseGet: Recipe = { audience: 'staff', params: caseNoParam, runs: 16 };
  const trackForm = fieldsOf({ required: ['caseNo', 'phone'], properties: { caseNo: { type: 'string', pattern: CASE_NO_PATTERN }, phone: { type: 'string', pattern: PHONE_PATTERN } } });
  const login = (enc: Enc): Recipe => ({
    audience: 'anyone', enc, closed: enc === 'json', runs: 50,
    templates: USERNAMES.slice(0, 12).map((username) => ({ body: { username, password: 'gongqing2026', ...(enc === 'form' ? { next: '/staff' } : {}) } })),
    fields: {
      username: { type: 'string', required: true, notBlank: true, maxLength: 50, lookup: USERNAMES },
      password: { type: 'string', required: true, notBlank: true, maxLength: 200, lookup: ['gongqing2026'] },
    },
  });
  const r: Record<string, Recipe> = {
    'GET /': anyone, 'GET /grievances/new': anyone, 'GET /track': anyone, 'GET /staff/login': anyone,
    'GET /static/app.css': anyone, 'GET /static/app.js': anyone, 'GET /healthz': anyone,
    'GET /api/v1/organisation': anyone, 'GET /api/v1/openapi.json': anyone,
    'OPTIONS /codec/encode': anyone, 'OPTIONS /codec/decode': anyone,
    'GET /grievances/:caseNo/filed': { audience: 'anyone', params: caseNoParam, unknownParamIsFine: true, runs: 16 },
    'GET /t/:token': { audience: 'anyone', params: { token: 'token' }, runs: 16 },
    'GET /track/:caseNo': { audience: 'worker', params: caseNoParam, unknownParamIsFine: true, runs: 16 },
    'GET /staff': staffGet, 'GET /staff/sms': staffGet, 'GET /staff/grievances/new': staffGet,
    'GET /staff/cases/:caseNo': staffCaseGet, 'GET /staff/cases/:caseNo/history': staffCaseGet,
    'GET /staff/cases/:caseNo/history/engine': staffCaseGet,
    'GET /api/v1/tasks': staffGet, 'GET /api/v1/sms': staffGet,
    'GET /api/v1/cases/:caseNo': staffCaseGet, 'GET /api/v1/cases/:caseNo/history': staffCaseGet,
    'GET /api/v1/cases/:caseNo/integrity': staffCaseGet,
    'GET /api/v1/grievances/:caseNo/progress': { audience: 'worker', params: caseNoParam, runs: 16 },
    'GET /staff/calendar': staffGet, 'GET /api/v1/calendar/days': staffGet,
    'POST /staff/calendar': {
      audience: 'staff', enc: 'form', closed: true, runs: 40, templates: [{ body: { day: FUZZ_DAY, dayType: 'rest', note: '春节' } }], fields: fieldsOf(calendarDayForm),
    },
    'POST /staff/calendar/:day/delete': { audience: 'staff', enc: 'form', params: { day: 'day' }, runs: 20 },
    'PUT /api/v1/calendar/days/:day': {
      audience: 'staff', enc: 'json', closed: true, params: { day: 'day' }, runs: 40,
      templates: [{ params: { day: FUZZ_DAY }, body: { rest: true, note: '春节' } }], fields: fieldsOf({ properties: { note: calendarDayBody.properties.note } }), customBodies: calendarBodies,
    },
    'DELETE /api/v1/calendar/days/:day': { audience: 'staff', enc: 'json', params: { day: 'day' }, runs: 20 },

    // The library (issue 23). Its :slug and :id take no kind here: every request has junk there, to be refused or not.
    'GET /library': anyone, 'GET /library/:slug': anyone, 'GET /api/v1/library/search': anyone, 'GET /api/v1/library/similar': anyone,
    'POST /grievances/check': {
      // only the description is read (the rest is kept for the form)
      audience: 'anyone', enc: 'form', runs: 20, templates: intakeTemplates(true),
      fields: { description: { type: 'string', required: true, notBlank: true, maxLength: 2000, readable: true } },
    },
    'GET /staff/library': staffGet, 'GET /staff/library/new': staffGet, 'GET /staff/library/:id': staffGet,
    'POST /staff/library': {
      audience: 'staff', enc: 'form', closed: true, runs: 40, fields: fieldsOf(libraryItemForm),
      templates: [{ body: { slug: 'fuzz-item', kind: 'guide', topic: 'wages', title: '标题', law: '', article: '', summary: '摘要', body: '正文', keywords: '' } }],
    },
    'POST /staff/library/:id': { audience: 'staff', enc: 'form', runs: 20 },
    'POST /staff/library/:id/published': { audience: 'staff', enc: 'form', runs: 12 },

    'POST /grievances': {
      audience: 'anyone', enc: 'form', runs: 60, templates: intakeTemplates(true).map((t) => ({ ...t, body: { ...t.body, phoneCode: '123456' } })),
      fields: fieldsOf(grievanceIntakeForm, intakeLookups),
    },
    'POST /staff/grievances': { audience: 'staff', enc: 'form', runs: 80, templates: intakeTemplates(true), fields: fieldsOf(grievanceIntakeForm, intakeLookups) },
    'POST /grievances/phone-code': {
      // only the phone is read (the rest is kept for the form): a valid phone would text a code, so the phone is what breaks
      audience: 'anyone', enc: 'form', runs: 30, templates: intakeTemplates(true),
      fields: { complainantPhone: { type: 'string', required: true, notBlank: true, pattern: PHONE_RE } },
    },
    'POST /track': { audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: '{A}', phone: '{phoneA}' } }], fields: trackForm },
    'POST /track/verify': {
      audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: '{A}', phone: '{phoneA}', code: '123456' } }],
      fields: { ...trackForm, code: { type: 'string', required: true, pattern: /^[0-9]{6}$/ } },
    },
    'POST /track/:caseNo/rate': { audience: 'worker', enc: 'form', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { score: '4', comment: '办得很好' } }], fields: fieldsOf(ratingBody) },
    'POST /track/:caseNo/note': { audience: 'worker', enc: 'form', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { text: '补充：公司还欠加班费' } }], fields: fieldsOf(noteBody) },
    'POST /track/:caseNo/withdraw': { audience: 'worker', enc: 'form', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { reason: '已与公司和解' } }], fields: fieldsOf(withdrawBody) },
    'POST /track/logout': { audience: 'anyone', enc: 'form', spends: ['workerCookie'], runs: 12 },
    'POST /staff/login': login('form'),
    'POST /staff/logout': { audience: 'anyone', enc: 'form', spends: ['staffCookie'], runs: 12 },
    'POST /staff/cases/:caseNo/actions/:action': {
      // on a case of its own (B), so that an action wrongly accepted here does not move case A under the other routes
      audience: 'staff', enc: 'form', params: { caseNo: 'caseNo', action: 'action' }, runs: 60,
      templates: [
        ...STAFF_ACTIONS.map((action) => ({ params: { caseNo: '{B}', action }, body: pageActionBody(action), fields: pageActionFields(action) })),
        // a mediation's forms sent to a grievance: refused as not an action of that case, whatever they carry
        ...MEDIATION_STAFF_ACTIONS.map((action) => ({ params: { caseNo: '{B}', action }, body: MEDIATION_PAGE_TEMPLATES[action], fields: textFields(MEDIATION_PAGE_TEMPLATES[action]) })),
      ],
    },

    'POST /api/v1/phone-codes': {
      audience: 'anyone', enc: 'json', closed: true, runs: 40, fields: fieldsOf(phoneCodeBody),
      templates: [
        { body: { phone: '13700008888', purpose: 'file' }, required: ['phone', 'purpose'] },
        { body: { phone: '{phoneA}', purpose: 'track', caseNo: '{A}' }, required: ['phone', 'purpose', 'caseNo'] },
      ],
    },
    'POST /api/v1/grievances': {
      audience: 'anyone', enc: 'json', closed: true, runs: 100, templates: intakeTemplates(false), fields: fieldsOf(grievanceIntakeBody, intakeLookups),
      badHeader: { name: 'idempotency-key', values: idempotencyHeaderValues },
    },
    'POST /api/v1/worker-sessions': {
      audience: 'anyone', enc: 'json', closed: true, runs: 40, fields: fieldsOf(workerSessionBody, { link: { lookup: [] }, code: { lookup: [] } }),
      templates: [
        { body: { link: `L${'Fz'.repeat(16)}` }, required: ['link'] },
        { body: { caseNo: '{A}', phone: '{phoneA}', code: '123456' }, required: ['caseNo', 'phone', 'code'] },
      ],
      customBodies: fc.constant({ note: 'both a link and a code', body: { link: `L${'Fz'.repeat(16)}`, caseNo: '{A}', phone: '{phoneA}', code: '123456' } }),
    },
    'DELETE /api/v1/worker-sessions/current': { audience: 'worker', enc: 'json', spends: ['workerBearer'], runs: 12 },
    'POST /api/v1/grievances/:caseNo/rating': { audience: 'worker', enc: 'json', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { score: 4, comment: '办得很好' } }], fields: fieldsOf(ratingBody) },
    'POST /api/v1/grievances/:caseNo/notes': { audience: 'worker', enc: 'json', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { text: '补充：公司还欠加班费' } }], fields: fieldsOf(noteBody) },
    'POST /api/v1/grievances/:caseNo/withdrawal': { audience: 'worker', enc: 'json', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { reason: '已与公司和解' } }], fields: fieldsOf(withdrawBody) },
    'POST /api/v1/sessions': login('json'),
    'DELETE /api/v1/sessions/current': { audience: 'staff', enc: 'json', spends: ['staffBearer'], runs: 12 },
    'POST /codec/encode': { audience: 'staff', enc: 'json', closed: true, runs: 25, templates: [{ body: { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }] } }], customBodies: codecBodies(false) },
    'POST /codec/decode': { audience: 'staff', enc: 'json', closed: true, runs: 35, templates: [{ body: { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }] } }], customBodies: codecBodies(true) },
  };
  Object.assign(r, mediationRecipes(caseNoParam), legalAidRecipes(caseNoParam), wageCodeRecipes(caseNoParam), negotiationIndexRecipes(), wagePlanRecipes(), caseFinderRecipes(), riskWarningRecipes(), figuresRecipes(), taskReassignmentRecipes());
  // The one action route of every kind: each grievance command on case A, each mediation command too (the case's kind
  // refuses what is not its own, 400, and the grievance's rules what is not valid now, 409).
  r['POST /api/v1/cases/:caseNo/actions/:action'] = {
    audience: 'staff', enc: 'json', closed: true, params: { caseNo: 'caseNo', action: 'action' }, runs: 160,
    templates: [
      ...STAFF_ACTIONS.map((action) => ({
        params: { action }, body: ACTION_TEMPLATES[action], fields: fieldsOf({ type: 'object', ...actionBodies[action] }, { taskId: { lookup: [] } }),
      })),
      ...MEDIATION_STAFF_ACTIONS.map((action) => ({
        params: { action }, body: MEDIATION_TEMPLATES[action], fields: fieldsOf({ type: 'object', ...(mediationActions[action].body as object) } as never),
      })),
    ],
  };
  return r;
}

/** A valid payload of each mediation command, sent to the fuzzed cases (grievances: the kind's rules refuse it, 409). */
const MEDIATION_TEMPLATES: Record<string, Record<string, unknown>> = {
  setWorkers: { workers: [{ name: '陈建国', phone: '13805920001', idNumber: '350203198001011234', claimedFen: 8_000_000 }] },
  electRepresentatives: { partyNos: [2, 3, 4] },
  scheduleSession: { at: '2030-01-02T02:00:00.000Z', mode: 'online' },
  recordSession: { sessionNo: 1, attendees: [1, 2], notes: '双方到场，初步同意分期支付' },
  draftAgreement: { terms: [{ partyNo: 2, amountFen: 100 }], totalFen: 100, paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: '2030-01-31' } },
  resendCode: { partyNo: 2 },
  refuse: { side: 'employer', reason: '用人单位拒绝调解' }, submitForReview: { note: '请审查' }, confirmReceipt: { documentId: 1 }, requestLegalAid: { note: '职工申请律师' },
  confirmReview: { decisionNo: '厦劳人仲调字〔2026〕第1号', effectiveOn: '2026-11-25' }, rejectReview: { reason: '协议内容不明确', next: 'mediation' },
  recordPayment: { installmentNo: 1, paidFen: 100 }, claimTask: { taskId: 'mediation-fuzz/mediation/1' }, takeOver: { reason: '原承办调解员休假' },
  withdrawWorker: { partyNo: 2, reason: '已足额支付', settled: true, recoveredFen: 100 }, splitOffWorker: { partyNo: 2, reason: '不同意方案', next: 'arbitration' },
  extendMediation: { until: '2030-01-31', consents: [{ side: 'worker', name: '陈建国', how: 'in_person' }, { side: 'employer', name: '王建设', how: 'phone' }] },
  correctParty: { partyNo: 2, field: 'phone', value: '13805920009' },
  acceptReview: { noticeNo: '厦劳人仲审受字〔2026〕第1号' }, declineReview: { ground: 'employment_relationship', reason: '平台与骑手' },
  extendReview: { approvedBy: '仲裁院院长', reason: '需核实职工身份' },
  recordPropertyLead: { kind: 'real_estate', detail: '厂房一处', location: '厦门市集美区' }, chooseEnforcementCourt: { basis: 'property', courtUnitId: 'i-court-2', reason: '厂房在集美区' },
  performWithoutReview: { reason: '双方同意直接履行', paymentClaim: true }, recordPaymentOrder: { result: 'issued', orderNo: '（2026）闽0206民督1号' },
};

/** The same commands as the case page's forms post them (yuan, one worker a line, Shanghai wall-clock). */
const MEDIATION_PAGE_TEMPLATES: Record<string, Record<string, string>> = {
  setWorkers: { workers: '陈建国，13805920001，350203198001011234，80000' },
  electRepresentatives: { partyNos: '2' },
  scheduleSession: { at: '2030-01-02T10:00', mode: 'online' },
  recordSession: { sessionNo: '1', attendees: '1', notes: '双方到场，初步同意分期支付' },
  draftAgreement: { terms: '2 陈建国 100', totalYuan: '100', paymentKind: 'lump-sum', dueDate: '2030-01-31', paymentMethod: '银行转账' },
  resendCode: { partyNo: '2' },
  refuse: { side: 'employer', reason: '用人单位拒绝调解' }, submitForReview: { note: '请审查' }, confirmReceipt: { documentId: '1' }, requestLegalAid: { note: '职工申请律师' },
  confirmReview: { decisionNo: '厦劳人仲调字〔2026〕第1号', effectiveOn: '2026-11-25' }, rejectReview: { reason: '协议内容不明确', next: 'mediation' },
  recordPayment: { installmentNo: '1', paidYuan: '1' }, claimTask: { taskId: 'mediation-fuzz/mediation/1' }, takeOver: { reason: '原承办调解员休假' },
  withdrawWorker: { partyNo: '2', reason: '已足额支付', settled: 'yes', recoveredYuan: '1' }, splitOffWorker: { partyNo: '2', reason: '不同意方案', next: 'arbitration' },
  extendMediation: { until: '2030-01-31', workerConsent: '陈建国', employerConsent: '王建设', how: 'phone' },
  correctParty: { partyNo: '2', field: 'phone', value: '13805920009' },
  acceptReview: { noticeNo: '厦劳人仲审受字〔2026〕第1号' }, declineReview: { ground: 'employment_relationship', reason: '平台与骑手' },
  extendReview: { approvedBy: '仲裁院院长', reason: '需核实职工身份' },
  recordPropertyLead: { kind: 'real_estate', detail: '厂房一处', location: '厦门市集美区' }, chooseEnforcementCourt: { basis: 'property', courtUnitId: 'i-court-2', reason: '厂房在集美区' },
  performWithoutReview: { reason: '双方同意直接履行', paymentClaim: 'yes' }, recordPaymentOrder: { result: 'issued', orderNo: '（2026）闽0206民督1号', note: '已发出' },
};
const textFields = (body: Record<string, string>): Fields =>
  Object.fromEntries(Object.keys(body).map((name) => [name, { type: 'string', required: true, notBlank: true, readable: true }]));

/** The intake page's form: a street of no district (looked up, refused) so that no request can open a case. */
const INTAKE_FORM = {
  employerName: '厦门某建筑劳务有限公司', employerAddress: '厦门市湖里区兴湖路1号', representative: '王建设', employerPhone: '13805920000',
  workers: '陈建国，13805920001，350203198001011234，80000\n林海燕，13805920002，35020319850202123X，42000.50', dispute: '拖欠工资', streetId: 'not-a-street',
};

function mediationRecipes(caseNoParam: { caseNo: 'caseNo' }): Record<string, Recipe> {
  const r: Record<string, Recipe> = {
    'GET /staff/mediations/new': { audience: 'staff', runs: 8 },
    'POST /staff/mediations/new': {
      audience: 'staff', enc: 'form', closed: true, runs: 40, templates: [{ body: INTAKE_FORM }], fields: fieldsOf(mediationIntakeForm, { streetId: { lookup: [] } }),
    },
    'GET /staff/documents': { audience: 'staff', runs: 8 },
    'GET /staff/documents/:id': { audience: 'staff', runs: 8 },
    'POST /staff/documents/:id/receipt': { audience: 'staff', enc: 'form', runs: 8 },
    'GET /staff/email': { audience: 'staff', runs: 8 },
    // the fuzzed cases are grievances: the party's page refuses them as not a mediation (404), and any malformed number
    'GET /confirm/:caseNo': { audience: 'anyone', params: caseNoParam, runs: 16 },
    'POST /confirm/:caseNo': {
      audience: 'anyone', enc: 'form', params: caseNoParam, runs: 30, templates: [{ body: { phone: '{phoneA}', code: '123456' } }], fields: fieldsOf(confirmationForm),
    },
    'POST /api/v1/mediations': {
      // fields of the top level; the nested employer and workers are broken whole (customBodies)
      audience: 'staff', enc: 'json', closed: true, runs: 40,
      templates: [{ body: { employer: { name: '厦门某公司', address: '厦门市湖里区1号', representative: '王总', phone: '13805920000' }, workers: MEDIATION_TEMPLATES.setWorkers.workers, dispute: '拖欠工资', streetId: 'not-a-street' } }],
      fields: fieldsOf({ required: ['dispute', 'streetId'], properties: { dispute: mediationIntakeBody.properties.dispute, streetId: mediationIntakeBody.properties.streetId } }, { streetId: { lookup: [] } }),
      customBodies: fc.constantFrom<unknown>({}, { workers: [] }, { employer: 'x', workers: 'y', dispute: '拖欠工资', streetId: 's-beishan' }, { employer: {}, workers: [{}], dispute: '拖欠工资', streetId: 's-beishan' })
        .map((body) => ({ note: 'nested parts missing or of the wrong shape', body })),
    },
    'POST /api/v1/mediations/:caseNo/confirmations': {
      audience: 'anyone', enc: 'json', closed: true, params: caseNoParam, runs: 30, templates: [{ body: { phone: '{phoneA}', code: '123456' } }], fields: fieldsOf(confirmationBody),
    },
    // a party's copy and the full text: the same phone and code, nothing written (issue 21)
    'POST /api/v1/mediations/:caseNo/agreement-copy': {
      audience: 'anyone', enc: 'json', closed: true, params: caseNoParam, runs: 20, templates: [{ body: { phone: '{phoneA}', code: '123456' } }], fields: fieldsOf(confirmationBody),
    },
    'POST /confirm/:caseNo/agreement': {
      audience: 'anyone', enc: 'form', params: caseNoParam, runs: 16, templates: [{ body: { phone: '{phoneA}', code: '123456' } }], fields: fieldsOf(confirmationForm),
    },
    'POST /confirm/:caseNo/copy': {
      audience: 'anyone', enc: 'form', params: caseNoParam, runs: 16, templates: [{ body: { phone: '{phoneA}', code: '123456' } }], fields: fieldsOf(confirmationForm),
    },
    // the scan's upload takes multipart only: anything else is refused (415, or the form's 400) before a byte is kept
    'POST /api/v1/mediations/:caseNo/signature': { audience: 'staff', enc: 'json', params: caseNoParam, runs: 12 },
    'POST /staff/cases/:caseNo/signature': { audience: 'staff', enc: 'form', params: caseNoParam, runs: 12 },
    'GET /api/v1/documents': { audience: 'staff', runs: 8 },
    'GET /api/v1/documents/:id': { audience: 'staff', runs: 8 },
    'POST /api/v1/documents/:id/receipt': { audience: 'staff', enc: 'json', runs: 8 },
  };
  return r;
}

/**
 * A route's recipe; a route without one is still fuzzed (path, query, headers, cookies, unparsable bodies) as its
 * declared access says, but then nothing checks that its fields are validated.
 */
export function recipeFor(route: Route, known: Record<string, Recipe>): Recipe {
  return known[recipeKeyOf(route)] ?? { audience: route.access === 'public' ? 'anyone' : route.access === 'worker' ? 'worker' : 'staff', runs: 12 };
}
