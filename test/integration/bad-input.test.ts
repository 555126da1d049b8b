import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

const CJK = /[\u4e00-\u9fff]/;
const PHONE = '13912345678';
const WRONG_PHONE = '13800000000';
const STAFF = ['beishan.sg', 'xixi.sg', 'jingmi.zx', 'xihu.rs', 'xihu.fg'] as const;
type Who = (typeof STAFF)[number] | 'bogus';

/** One bad request. `{case}` in the path stands for the case filed in beforeAll. */
interface Bad {
  name: string;
  path: string;
  /** object → JSON, string → sent as is */
  body?: unknown;
  /** urlencoded form, answered with an HTML page */
  form?: Record<string, string>;
  as?: Who;
  headers?: Record<string, string>;
  status: number;
  message: string;
}

const without = (field: string, body: Record<string, unknown> = validIntake()) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));

const intake = (name: string, body: unknown, status: number, message: string, headers?: Record<string, string>): Bad =>
  ({ name: `intake: ${name}`, path: '/api/v1/grievances', body, status, message, headers });

const REQUIRED: [string, string][] = [
  ['complainantName', '姓名'], ['complainantPhone', '手机号'], ['category', '诉求类别'],
  ['description', '诉求描述'], ['claimedFen', '诉求金额'], ['workerCount', '涉及人数'],
];

const INTAKE: Bad[] = [
  ...REQUIRED.map(([field, label]) => intake(`missing ${field}`, without(field), 400, `请填写${label}`)),
  intake('neither enterpriseId nor enterpriseName', without('enterpriseId'), 400, '请选择所在企业，或填写企业名称'),
  intake('phone too short', validIntake({ complainantPhone: '1391234567' }), 400, '手机号格式不正确'),
  intake('phone with letters', validIntake({ complainantPhone: '1391234abcd' }), 400, '手机号格式不正确'),
  intake('landline phone', validIntake({ complainantPhone: '0571-88886666' }), 400, '手机号格式不正确'),
  intake('phone of 12 digits', validIntake({ complainantPhone: '139123456789' }), 400, '手机号格式不正确'),
  intake('name of 31 characters', validIntake({ complainantName: '王'.repeat(31) }), 400, '姓名不能超过30个字'),
  intake('whitespace-only name', validIntake({ complainantName: '   ' }), 400, '请填写姓名'),
  intake('description of 2001 characters', validIntake({ description: '欠'.repeat(2001) }), 400, '诉求描述不能超过2000个字'),
  intake('empty description', validIntake({ description: '' }), 400, '请填写诉求描述'),
  intake('whitespace-only description', validIntake({ description: ' \n\t ' }), 400, '请填写诉求描述'),
  intake('negative claimedFen', validIntake({ claimedFen: -1 }), 400, '诉求金额不能小于0'),
  intake('non-integer claimedFen', validIntake({ claimedFen: 12.5 }), 400, '诉求金额格式不正确'),
  intake('claimedFen as text', validIntake({ claimedFen: '八千元' }), 400, '诉求金额格式不正确'),
  intake('workerCount 0', validIntake({ workerCount: 0 }), 400, '涉及人数不能小于1'),
  intake('unknown category', validIntake({ category: 'salary' }), 400, '诉求类别的取值无效'),
  intake('unknown enterpriseId', validIntake({ enterpriseId: 'e-nowhere' }), 400, '所选企业不存在'),
  intake('typed enterpriseName without streetId', validIntake({ enterpriseId: undefined, enterpriseName: '某某小作坊' }), 400, '填写企业名称时请选择所在街道'),
  intake('unknown streetId', validIntake({ enterpriseId: undefined, enterpriseName: '某某小作坊', streetId: 's-nowhere' }), 400, '所选街道不存在'),
  intake('extra unknown field', validIntake({ salary: 1 }), 400, '不能提交未定义的字段“salary”'),
  intake('idempotencyKey with illegal characters', validIntake({ idempotencyKey: '重复提交的编号一二三' }), 400, '提交编号格式不正确'),
  intake('Idempotency-Key header over 80 characters', validIntake(), 400, '不能超过80个字', { 'idempotency-key': 'k'.repeat(81) }),
  // An empty or short header key would hash to a case number shared with every other such submission.
  intake('empty Idempotency-Key header', validIntake(), 400, '至少需要8个字', { 'idempotency-key': '' }),
  intake('Idempotency-Key header of 1 character', validIntake(), 400, '至少需要8个字', { 'idempotency-key': 'a' }),
  intake('invalid JSON', '{"complainantName": "王小明",', 400, '提交的内容不是有效的JSON'),
  intake('empty JSON body', '', 400, '提交的内容为空'),
  intake('__proto__ in the body', '{"__proto__": {"admin": true}}', 400, '提交的内容不是有效的JSON'),
  intake('text/plain body', JSON.stringify(validIntake()), 415, '不支持的提交格式', { 'content-type': 'text/plain' }),
  intake('XML body', '<grievance/>', 415, '不支持的提交格式', { 'content-type': 'application/xml' }),
  intake('body over the 256 KB limit', validIntake({ description: 'x'.repeat(300 * 1024) }), 413, '提交的内容过大'),
  intake('array instead of object', [validIntake()], 400, '提交内容格式不正确'),
];

const validForm = {
  complainantName: '王小明', complainantPhone: PHONE, enterpriseId: 'e-jingmi', category: 'unpaid_wages',
  description: '公司拖欠2025年年终奖。', claimedYuan: '8600', workerCount: '1',
};
const page = (name: string, form: Record<string, string>, status: number, message: string, path = '/grievances', as?: Who): Bad =>
  ({ name: `page: ${name}`, path, form, status, message, as });

const PAGES: Bad[] = [
  page('intake form without phone', without('complainantPhone', validForm) as Record<string, string>, 400, '请填写手机号'),
  page('intake form with blank phone', { ...validForm, complainantPhone: '' }, 400, '请填写手机号'),
  page('intake form with amount 12.345', { ...validForm, claimedYuan: '12.345' }, 400, '诉求金额格式不正确'),
  page('intake form with amount abc', { ...validForm, claimedYuan: 'abc' }, 400, '诉求金额格式不正确'),
  page('intake form with workerCount abc', { ...validForm, workerCount: 'abc' }, 400, '涉及人数格式不正确'),
  page('intake form with unknown enterprise', { ...validForm, enterpriseId: 'e-nowhere' }, 400, '所选企业不存在'),
  page('intake form over the 64 KB form limit', { ...validForm, description: 'x'.repeat(70 * 1024) }, 413, '提交的内容过大'),
  page('track with the wrong phone', { caseNo: '{case}', phone: WRONG_PHONE }, 404, '查询编号或手机号不正确', '/track'),
  page('rate page with score 9', { phone: PHONE, score: '9' }, 400, '评分不能大于5', '/track/{case}/rate'),
  page('staff login with the wrong password', { username: 'beishan.sg', password: 'wrong-password' }, 401, '用户名或密码错误', '/staff/login'),
  page('staff page: follow-up while at contact', { note: '已回访' }, 409, '当前环节为', '/staff/cases/{case}/actions/recordFollowUp', 'beishan.sg'),
  page('staff page: recovered amount abc', { outcome: 'mediated', recoveredYuan: 'abc' }, 400, '追回金额格式不正确', '/staff/cases/{case}/actions/recordOutcome', 'beishan.sg'),
  page('staff page: unknown action', { note: '办理' }, 400, '操作的取值无效', '/staff/cases/{case}/actions/escalate', 'beishan.sg'),
];

const act = (name: string, action: string, body: unknown, as: Who | undefined, status: number, message: string, caseNo = '{case}'): Bad =>
  ({ name: `action: ${name}`, path: `/api/v1/cases/${caseNo}/actions/${action}`, body, as, status, message });

const ACTIONS: Bad[] = [
  act('recordFollowUp while at contact', 'recordFollowUp', { note: '已回访' }, 'beishan.sg', 409, '当前环节为“联系职工”，不能执行'),
  act('urgeMediation while at contact', 'urgeMediation', { note: '已督促' }, 'beishan.sg', 409, '不能执行'),
  act('completeCoordination with an unknown taskId', 'completeCoordination', { taskId: 'coord-nowhere', note: '已办结' }, 'beishan.sg', 409, '不能执行'),
  // Neither sees a fresh case at all: the enterprise union is told after 12 h, a department only when asked.
  act('enterprise chair contacts the complainant', 'contactComplainant', { note: '已联系' }, 'jingmi.zx', 403, '不在您的辖区'),
  act('partner department contacts the complainant', 'contactComplainant', { note: '已联系' }, 'xihu.rs', 403, '不在您的辖区'),
  act('supervising leader does a caseworker step', 'contactComplainant', { note: '已联系' }, 'xihu.fg', 403, '分管领导无权执行'),
  act('caseworker of another street', 'contactComplainant', { note: '已联系' }, 'xixi.sg', 403, '不在您的辖区'),
  act('no token', 'contactComplainant', { note: '已联系' }, undefined, 401, '请先登录'),
  act('bad token', 'contactComplainant', { note: '已联系' }, 'bogus', 401, '请先登录'),
  act('empty note', 'contactComplainant', { note: '' }, 'beishan.sg', 400, '请填写办理情况'),
  act('whitespace-only note', 'contactComplainant', { note: '   ' }, 'beishan.sg', 400, '请填写办理情况'),
  act('note missing', 'contactComplainant', {}, 'beishan.sg', 400, '请填写办理情况'),
  act('note of 2001 characters', 'contactComplainant', { note: '联'.repeat(2001) }, 'beishan.sg', 400, '办理情况不能超过2000个字'),
  act('extra field', 'contactComplainant', { note: '已联系', stage: 'closed' }, 'beishan.sg', 400, '不能提交未定义的字段“stage”'),
  act('unknown outcome', 'recordOutcome', { outcome: 'paid' }, 'beishan.sg', 400, '处理结果的取值无效'),
  act('outcome withdrawn', 'recordOutcome', { outcome: 'withdrawn' }, 'beishan.sg', 400, '处理结果的取值无效'),
  act('unknown department', 'openCoordination', { department: '外星局', note: '请协调' }, 'beishan.sg', 400, '协作部门的取值无效'),
  act('unknown action name', 'escalate', { note: '升级' }, 'beishan.sg', 404, '页面不存在'),
  act('malformed caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 400, '查询编号格式不正确', 'GQ123'),
  act('lower-case caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 400, '查询编号格式不正确', 'gq0000000000'),
  act('unknown well-formed caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 404, '案件不存在', 'GQ0000000000'),
];

const PUBLIC: Bad[] = [
  { name: 'public: progress with the wrong phone', path: '/api/v1/grievances/{case}/progress', body: { phone: WRONG_PHONE }, status: 404, message: '查询编号或手机号不正确' },
  { name: 'public: progress with a malformed phone', path: '/api/v1/grievances/{case}/progress', body: { phone: '12345' }, status: 400, message: '手机号格式不正确' },
  { name: 'public: progress of an unknown case', path: '/api/v1/grievances/GQ0000000000/progress', body: { phone: PHONE }, status: 404, message: '查询编号或手机号不正确' },
  { name: 'public: rating with the wrong phone', path: '/api/v1/grievances/{case}/rating', body: { phone: WRONG_PHONE, score: 5 }, status: 404, message: '查询编号或手机号不正确' },
  { name: 'public: withdrawal with the wrong phone', path: '/api/v1/grievances/{case}/withdrawal', body: { phone: WRONG_PHONE, reason: '已私下解决' }, status: 404, message: '查询编号或手机号不正确' },
  { name: 'public: withdrawal without a reason', path: '/api/v1/grievances/{case}/withdrawal', body: { phone: PHONE }, status: 400, message: '请填写理由' },
  { name: 'public: rating while at contact', path: '/api/v1/grievances/{case}/rating', body: { phone: PHONE, score: 5 }, status: 409, message: '不能执行“评价”' },
  { name: 'public: rating score 0', path: '/api/v1/grievances/{case}/rating', body: { phone: PHONE, score: 0 }, status: 400, message: '评分不能小于1' },
  { name: 'public: rating score 6', path: '/api/v1/grievances/{case}/rating', body: { phone: PHONE, score: 6 }, status: 400, message: '评分不能大于5' },
  { name: 'public: rating score abc', path: '/api/v1/grievances/{case}/rating', body: { phone: PHONE, score: 'abc' }, status: 400, message: '评分格式不正确' },
  { name: 'public: rating comment over 500', path: '/api/v1/grievances/{case}/rating', body: { phone: PHONE, score: 5, comment: '好'.repeat(501) }, status: 400, message: '评价内容不能超过500个字' },
  { name: 'login: wrong password', path: '/api/v1/sessions', body: { username: 'beishan.sg', password: 'wrong-password' }, status: 401, message: '用户名或密码错误' },
  { name: 'login: unknown user', path: '/api/v1/sessions', body: { username: 'nobody.sg', password: 'gongqing2026' }, status: 401, message: '用户名或密码错误' },
  { name: 'login: password missing', path: '/api/v1/sessions', body: { username: 'beishan.sg' }, status: 400, message: '请填写密码' },
];

const CASES = [...INTAKE, ...PAGES, ...ACTIONS, ...PUBLIC];

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;
const tokens = {} as Record<Who, string>;

async function counts() {
  const n = async (table: 'cases' | 'case_events' | 'tasks' | 'sms_outbox') =>
    Number((await sys.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { cases: await n('cases'), case_events: await n('case_events'), tasks: await n('tasks'), sms_outbox: await n('sms_outbox') };
}
let before: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  sys = await startSystem('bad');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  const filed = await api.call('POST', '/api/v1/grievances', validIntake());
  expect(filed.status).toBe(201);
  caseNo = filed.body.caseNo;
  await eventually(async () => {
    const sms = await sys.db.selectFrom('sms_outbox').select('id').where('case_no', '=', caseNo).execute();
    const task = await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).where('kind', '=', 'contact').where('status', '=', 'open').executeTakeFirst();
    return sms.length === 6 && !!task;
  }, 30_000);
  for (const who of STAFF) tokens[who] = await api.login(who);
  tokens.bogus = 'not-a-session-token';
  before = await counts();
});

afterAll(async () => {
  await sys?.stop();
});

async function send(c: Bad): Promise<{ status: number; message: string; error?: string }> {
  const path = c.path.replaceAll('{case}', caseNo);
  const token = c.as ? tokens[c.as] : undefined;
  if (c.form) {
    const form = Object.fromEntries(Object.entries(c.form).map(([k, v]) => [k, v.replaceAll('{case}', caseNo)]));
    const res = await fetch(`${sys.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new URLSearchParams(form).toString(),
    });
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    // The page shows its error in the role="alert" box (error-box partial or error page).
    return { status: res.status, message: /role="alert">([^<]*)</.exec(html)?.[1] ?? '' };
  }
  const r = await api.call('POST', path, c.body, token, c.headers);
  return { status: r.status, message: r.body?.message ?? '', error: r.body?.error };
}

describe('bad input gets a precise 4xx in zh-CN and writes nothing', () => {
  it('covers enough distinct bad requests', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name → $status', async (c) => {
    const r = await send(c);
    expect(r.status, r.message).toBe(c.status);
    expect(r.message).toMatch(CJK);
    expect(r.message).not.toContain('服务器内部错误');
    expect(r.error).not.toBe('INTERNAL');
    expect(r.message).toContain(c.message);
  });

  it('shows a refused case-page action inside its own form, focused, with what was typed', async () => {
    const res = await fetch(`${sys.baseUrl}/staff/cases/${caseNo}/actions/openCoordination`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${tokens['beishan.sg']}` },
      body: new URLSearchParams({ department: '不存在的部门', note: '请协查社保缴纳情况' }).toString(),
    });
    const html = await res.text();
    expect(res.status).toBe(400);
    const card = /<div class="card" id="action-openCoordination">([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
    expect(card).toMatch(/role="alert">[^<]*协作部门/);
    expect(card).toContain('>请协查社保缴纳情况</textarea>');
    expect(card).toContain('autofocus');
    // Only there: not also at the top of the page, and no other form is focused.
    expect(html.match(/role="alert"/g)).toHaveLength(1);
    expect(html.match(/autofocus/g)).toHaveLength(1);
  });

  it('left no row half-written and the case still at contact', async () => {
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await counts()).toEqual(before);
    const live = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, tokens['beishan.sg']);
    expect(live.status).toBe(200);
    expect(live.body.view.stage).toBe('contact');
    const row = await sys.db.selectFrom('cases').select(['stage', 'status']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row.stage).toBe('contact');
  });
});
