import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

const CJK = /[\u4e00-\u9fff]/;
const PHONE = '13912345678';
const WRONG_PHONE = '13800000000';
const STAFF = ['beishan.sg', 'xixi.sg', 'jingmi.zx', 'xihu.rs', 'xihu.fg', 'xihu.qb'] as const;
/** staff by username; 'worker' is the case's own worker token, 'otherWorker' another case's; 'bogus' a made-up token */
type Who = (typeof STAFF)[number] | 'bogus' | 'worker' | 'otherWorker';

/** One bad request. `{case}` in the path stands for the case filed in beforeAll. */
interface Bad {
  name: string;
  path: string;
  /** POST unless said */
  method?: string;
  /** a page form posted without the CSRF token its page carries */
  noCsrf?: boolean;
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
  // Well-formed, refused by what is stored or by who asks: 422 (a 400 is a request that does not match its schema).
  intake('unknown enterpriseId', validIntake({ enterpriseId: 'e-nowhere' }), 422, '所选企业不存在'),
  intake('typed enterpriseName without streetId', validIntake({ enterpriseId: undefined, enterpriseName: '某某小作坊' }), 400, '填写企业名称时请选择所在街道'),
  intake('unknown streetId', validIntake({ enterpriseId: undefined, enterpriseName: '某某小作坊', streetId: 's-nowhere' }), 422, '所选街道不存在'),
  // A blank name or street is the body's own fault, and the schema says so.
  intake('blank enterpriseName instead of an enterpriseId', validIntake({ enterpriseId: undefined, enterpriseName: '  ', streetId: 's-beishan' }), 400, '请填写企业名称'),
  intake('empty streetId with a typed enterpriseName', validIntake({ enterpriseId: undefined, enterpriseName: '某某小作坊', streetId: '' }), 400, '请填写所在街道'),
  intake('empty enterpriseId', validIntake({ enterpriseId: '' }), 400, '请填写所在企业'),
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
  intake('no phone code from the public side', validIntake(), 422, '请先获取并填写短信验证码'),
  intake('a phone code never sent', validIntake({ phoneCode: '123456' }), 422, '验证码已失效'),
  intake('a phone code of 5 digits', validIntake({ phoneCode: '12345' }), 400, '验证码格式不正确'),
  intake('a control character in the name', validIntake({ complainantName: '王\u0007小明' }), 400, '姓名含有无法显示的字符'),
  intake('an unassigned code point in the description', validIntake({ description: '拖欠工资\u0378' }), 400, '诉求描述含有无法显示的字符'),
  intake('a lone surrogate in the description', '{"complainantName":"王小明","complainantPhone":"13912345678","enterpriseId":"e-jingmi","category":"unpaid_wages","description":"欠薪\\ud800","claimedFen":1,"workerCount":1}', 400, '诉求描述含有无法显示的字符'),
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
  page('track with a malformed phone', { caseNo: '{case}', phone: '12345' }, 400, '手机号格式不正确', '/track'),
  page('track code of letters', { caseNo: '{case}', phone: WRONG_PHONE, code: 'abcdef' }, 400, '验证码格式不正确', '/track/verify'),
  page('track code never sent', { caseNo: '{case}', phone: WRONG_PHONE, code: '123456' }, 400, '验证码已失效', '/track/verify'),
  { ...page('intake form without its CSRF token', validForm, 403, '页面已过期'), noCsrf: true },
  { ...page('worker note without its CSRF token', { text: '补充' }, 403, '页面已过期', '/track/{case}/note'), noCsrf: true },
  page('rate page with score 9', { score: '9' }, 400, '评分不能大于5', '/track/{case}/rate'),
  page('staff login with the wrong password', { username: 'beishan.sg', password: 'wrong-password' }, 401, '用户名或密码错误', '/staff/login'),
  page('staff page: follow-up while at contact', { note: '已回访' }, 409, '当前环节为', '/staff/cases/{case}/actions/recordFollowUp', 'beishan.sg'),
  page('staff page: recovered amount abc', { outcome: 'mediated', recoveredYuan: 'abc' }, 400, '追回金额格式不正确', '/staff/cases/{case}/actions/recordOutcome', 'beishan.sg'),
  page('staff page: unknown action', { note: '办理' }, 400, '操作的取值无效', '/staff/cases/{case}/actions/escalate', 'beishan.sg'),
  page('reassignment without a new holder', { cases: '{case}', reason: '休假' }, 400, '请选择接收待办的工作人员', '/staff/task-reassignments', 'xihu.qb'),
  page('reassignment without a reason', { to: '1', cases: '{case}' }, 400, '请填写转派理由', '/staff/task-reassignments', 'xihu.qb'),
  page('reassignment of a malformed case number', { to: '1', cases: 'abc', reason: '休假' }, 400, '所选案件编号格式不正确', '/staff/task-reassignments', 'xihu.qb'),
];

const act = (name: string, action: string, body: unknown, as: Who | undefined, status: number, message: string, caseNo = '{case}'): Bad =>
  ({ name: `action: ${name}`, path: `/api/v1/cases/${caseNo}/actions/${action}`, body, as, status, message });

const ACTIONS: Bad[] = [
  act('recordFollowUp while at contact', 'recordFollowUp', { note: '已回访' }, 'beishan.sg', 409, '当前环节为“联系职工”，不能执行'),
  act('urgeMediation while at contact', 'urgeMediation', { note: '已督促' }, 'beishan.sg', 409, '不能执行'),
  act('completeCoordination with an unknown taskId', 'completeCoordination', { taskId: 'coord-nowhere', note: '已办结' }, 'beishan.sg', 409, '不能执行'),
  // The enterprise chair acts only on its own wage round: a fresh grievance it does not even see; a department neither (only when asked).
  act('enterprise chair contacts the complainant', 'contactComplainant', { note: '已联系' }, 'jingmi.zx', 403, '不在您的辖区'),
  act('partner department contacts the complainant', 'contactComplainant', { note: '已联系' }, 'xihu.rs', 403, '不在您的辖区'),
  act('supervising leader does a caseworker step', 'contactComplainant', { note: '已联系' }, 'xihu.fg', 403, '您的角色无权办理案件'),
  act('district staff does the street caseworker step', 'contactComplainant', { note: '已联系' }, 'xihu.qb', 403, '接手办理'),
  act('district staff withdraws the case', 'withdraw', { reason: '代为撤回' }, 'xihu.qb', 403, '只有职工本人或承办人可以撤回诉求'),
  act('take-over without a reason', 'takeOver', { reason: ' ' }, 'xihu.qb', 400, '请填写理由'),
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
  act('unknown action name', 'escalate', { note: '升级' }, 'beishan.sg', 404, '该案件没有这项操作'),
  act('an action of another kind', 'refuse', { side: 'employer', reason: '拒绝' }, 'beishan.sg', 404, '该案件没有这项操作'),
  act('malformed caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 400, '查询编号格式不正确', 'GQ123'),
  act('lower-case caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 400, '查询编号格式不正确', 'gq0000000000'),
  act('unknown well-formed caseNo', 'contactComplainant', { note: '已联系' }, 'beishan.sg', 404, '案件不存在', 'GQ0000000000'),
];

const get = (name: string, path: string, as: Who | undefined, status: number, message: string): Bad =>
  ({ name: `public: ${name}`, method: 'GET', path, as, status, message });
const post = (name: string, path: string, body: unknown, as: Who | undefined, status: number, message: string): Bad =>
  ({ name: `public: ${name}`, path, body, as, status, message });
const NOT_YOURS = '请通过短信中的专属链接';

const PUBLIC: Bad[] = [
  get('progress without a token', '/api/v1/grievances/{case}/progress', undefined, 404, NOT_YOURS),
  get('progress with another case\'s token', '/api/v1/grievances/{case}/progress', 'otherWorker', 404, NOT_YOURS),
  get('progress with a staff token', '/api/v1/grievances/{case}/progress', 'beishan.sg', 404, NOT_YOURS),
  get('progress with a made-up token', '/api/v1/grievances/{case}/progress', 'bogus', 404, NOT_YOURS),
  get('progress of a malformed case number', '/api/v1/grievances/GQ12/progress', 'worker', 400, '查询编号格式不正确'),
  post('the old proof by phone number', '/api/v1/grievances/{case}/progress', { phone: PHONE }, undefined, 405, '该地址不支持 POST 请求'),
  post('rating without a token, phone in the body', '/api/v1/grievances/{case}/rating', { phone: PHONE, score: 5 }, undefined, 400, '不能提交未定义的字段“phone”'),
  post('rating with another case\'s token', '/api/v1/grievances/{case}/rating', { score: 5 }, 'otherWorker', 404, NOT_YOURS),
  post('withdrawal without a token', '/api/v1/grievances/{case}/withdrawal', { reason: '已私下解决' }, undefined, 404, NOT_YOURS),
  post('withdrawal without a reason', '/api/v1/grievances/{case}/withdrawal', {}, 'worker', 400, '请填写理由'),
  post('note with a control character', '/api/v1/grievances/{case}/notes', { text: '补充\u001b[31m' }, 'worker', 400, '补充说明含有无法显示的字符'),
  post('rating while at contact', '/api/v1/grievances/{case}/rating', { score: 5 }, 'worker', 409, '不能执行“评价”'),
  post('rating score 0', '/api/v1/grievances/{case}/rating', { score: 0 }, 'worker', 400, '评分不能小于1'),
  post('rating score 6', '/api/v1/grievances/{case}/rating', { score: 6 }, 'worker', 400, '评分不能大于5'),
  post('rating score abc', '/api/v1/grievances/{case}/rating', { score: 'abc' }, 'worker', 400, '评分格式不正确'),
  post('rating comment over 500', '/api/v1/grievances/{case}/rating', { score: 5, comment: '好'.repeat(501) }, 'worker', 400, '评价内容不能超过500个字'),
  post('worker session with a code never sent', '/api/v1/worker-sessions', { caseNo: '{case}', phone: WRONG_PHONE, code: '123456' }, undefined, 422, '验证码已失效'),
  post('worker session with an unknown link', '/api/v1/worker-sessions', { link: `L${'A'.repeat(32)}` }, undefined, 404, '链接无效'),
  post('worker session with nothing', '/api/v1/worker-sessions', {}, undefined, 400, '请填写'),
  post('phone code to track without a case number', '/api/v1/phone-codes', { phone: PHONE, purpose: 'track' }, undefined, 400, '请填写查询编号'),
  post('phone code for something else', '/api/v1/phone-codes', { phone: PHONE, purpose: 'login' }, undefined, 400, '验证码用途的取值无效'),
  post('login: wrong password', '/api/v1/sessions', { username: 'beishan.sg', password: 'wrong-password' }, undefined, 401, '用户名或密码错误'),
  post('login: unknown user', '/api/v1/sessions', { username: 'nobody.sg', password: 'gongqing2026' }, undefined, 401, '用户名或密码错误'),
  post('login: password missing', '/api/v1/sessions', { username: 'beishan.sg' }, undefined, 400, '请填写密码'),
];

const CASES = [...INTAKE, ...PAGES, ...ACTIONS, ...PUBLIC];

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;
const tokens = {} as Record<Who, string>;

async function counts() {
  const tables = ['cases', 'case_events', 'tasks', 'sms_outbox', 'phone_codes', 'worker_sessions', 'worker_links', 'sessions'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await sys.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}
let before: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  sys = await startSystem('bad');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  const filed = await fileAsWorker(sys);
  caseNo = filed.caseNo;
  tokens.worker = filed.token;
  tokens.otherWorker = (await fileAsWorker(sys, { enterpriseId: 'e-kuaidi' })).token;
  await eventually(async () => {
    const sms = await sys.db.selectFrom('sms_outbox').select('id').where('case_no', '=', caseNo).execute();
    const task = await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).where('kind', '=', 'contact').where('status', '=', 'open').executeTakeFirst();
    return sms.length >= 6 && !!task;
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
    // Staff pages with a bearer token need no CSRF token; everything else is posted as a browser would (or without it).
    if (token || c.noCsrf) {
      const res = await fetch(`${sys.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: new URLSearchParams(form).toString(),
      });
      const html = await res.text();
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      return { status: res.status, message: /role="alert">([^<]*)</.exec(html)?.[1] ?? '' };
    }
    const page = browser(sys.baseUrl);
    await page.get('/grievances/new');
    const r = await page.post(path, form);
    // The page shows its error in the role="alert" box (error-box partial or error page).
    return { status: r.status, message: r.alert };
  }
  const body = c.body && typeof c.body === 'object' ? JSON.parse(JSON.stringify(c.body).replaceAll('{case}', caseNo)) : c.body;
  const r = await api.call(c.method ?? 'POST', path, body, token, c.headers);
  return { status: r.status, message: r.body?.message ?? '', error: r.body?.error };
}

describe('bad input gets a precise 4xx in zh-CN and writes nothing', () => {
  it('covers enough distinct bad requests', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
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
