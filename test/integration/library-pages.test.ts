/**
 * The law & case library on the real app and Postgres (issue 23): the QR page's topics and search without JavaScript,
 * an item's page, the JSON search and "cases like mine" with zh-CN refusals, "先查一查" on the intake form as a form
 * post that keeps what was typed, and the staff page where only district staff edit, each edit recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, unescapeHtml } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { insertPastCases } from '../helpers/library-cases';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let api: ReturnType<typeof apiClient>;
const text = (html: string) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

beforeAll(async () => {
  sys = await startSystem('library_pages');
  api = apiClient(sys.baseUrl);
  await insertPastCases(sys.db, [
    { caseNo: 'GQ-L-0001', category: 'female_workers', name: '李秀英', phone: '13811112222', enterprise: '西湖精密机械有限公司',
      description: '李秀英反映：生了双胞胎，西湖精密机械有限公司只给每天1小时哺乳时间，联系电话13811112222。', outcome: 'mediated' },
  ]);
}, 120_000);

afterAll(async () => {
  await sys?.stop();
});

describe('the public library, without JavaScript', () => {
  it('the QR page offers the topics and a search box instead of six fixed topics', async () => {
    const page = await browser(sys.baseUrl).get('/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('action="/library"');
    for (const topic of ['签订劳动合同', '工资报酬', '女职工权益', '高温与防暑', '工伤', '社会保险', '辞职与辞退']) expect(page.html).toContain(topic);
  });

  it('a search is a GET form: the results are on the page the server sends', async () => {
    const page = await browser(sys.baseUrl).get(`/library?q=${encodeURIComponent('双胞胎 哺乳')}`);
    expect(page.status).toBe(200);
    const first = /class="lib-title" href="([^"]+)">([^<]+)</.exec(page.html);
    expect(first?.[1]).toBe('/library/women-nursing-time');
    expect(page.html).toContain('女职工劳动保护特别规定》第九条');
  });

  it('browsing a topic lists its items; an item page has the law, the article, the paraphrase and typical cases', async () => {
    const topic = await browser(sys.baseUrl).get('/library?topic=heat');
    expect(topic.html).toContain('/library/heat-allowance');
    expect(topic.html).toContain('/library/case-kitchen-heat');
    const item = await browser(sys.baseUrl).get('/library/heat-allowance');
    expect(item.status).toBe(200);
    expect(text(item.html)).toContain('依据：《防暑降温措施管理办法》第十七条');
    expect(text(item.html)).toContain('35℃以上');
    expect(item.html).toContain('/library/case-rider-heat');
  });

  it('refuses bad input in zh-CN', async () => {
    const b = browser(sys.baseUrl);
    const unknown = await b.get('/library/no-such-item');
    expect(unknown.status).toBe(404);
    expect(unknown.alert).toContain('没有找到这一条');
    const topic = await b.get('/library?topic=bogus');
    expect(topic.status).toBe(400);
    expect(topic.alert).toContain('主题');
    const long = await b.get(`/library?q=${encodeURIComponent('工'.repeat(51))}`);
    expect(long.status).toBe(400);
    expect(long.alert).toContain('搜索内容不能超过50个字');
  });
});

describe('the JSON API', () => {
  it('searches', async () => {
    const r = await api.call('GET', `/api/v1/library/search?q=${encodeURIComponent('加班 休息日')}&limit=3`);
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toMatchObject({ slug: 'overtime-pay-rates', law: '劳动法', article: '第四十四条', url: '/library/overtime-pay-rates' });
    expect(r.body.items.length).toBeLessThanOrEqual(3);
  });

  it('offers cases like mine, anonymised and without their numbers', async () => {
    const r = await api.call('GET', `/api/v1/library/similar?description=${encodeURIComponent('我生了双胞胎，单位每天只给1小时哺乳时间')}&category=female_workers`);
    expect(r.status).toBe(200);
    expect(r.body.items[0].slug).toBe('women-nursing-time');
    expect(r.body.cases[0]).toMatchObject({ categoryLabel: '女职工权益', outcomeLabel: '调解成功' });
    const json = JSON.stringify(r.body);
    for (const secret of ['李秀英', '13811112222', '西湖精密机械', 'GQ-L-0001']) expect(json).not.toContain(secret);
  });

  it.each([
    ['/api/v1/library/search?limit=0', '条数不能小于1'],
    [`/api/v1/library/search?q=${'a'.repeat(51)}`, '搜索内容不能超过50个字'],
    ['/api/v1/library/search?topic=nope', '主题的取值无效'],
    ['/api/v1/library/similar', '请填写诉求描述'],
    [`/api/v1/library/similar?description=${encodeURIComponent('   ')}`, '请填写诉求描述'],
  ])('%s → 400 %s', async (path, message) => {
    const r = await api.call('GET', path);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain(message);
  });

  it('is in the OpenAPI document', async () => {
    const doc = await api.call('GET', '/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/library/search', '/api/v1/library/similar']));
  });
});

describe('先查一查 on the intake form, without JavaScript', () => {
  it('posts the form, shows the items and past cases like it, and keeps everything typed for the real submit', async () => {
    const b = browser(sys.baseUrl);
    const form = await b.get('/grievances/new');
    expect(form.html).toContain('formaction="/grievances/check"');
    const typed = {
      idempotencyKey: 'check-first-0001', complainantName: '赵小红', complainantPhone: '13700001111', enterpriseId: 'e-jingmi',
      category: 'female_workers', description: '我生了双胞胎，休完产假回来，单位每天只给1小时哺乳时间', claimedYuan: '', workerCount: '1',
    };
    const page = await b.post('/grievances/check', typed);
    expect(page.status).toBe(200);
    expect(page.html).toContain('和您情况相近的内容');
    expect(page.html).toContain('/library/women-nursing-time');
    expect(text(page.html), text(page.html)).toContain('调解成功');
    expect(page.html).not.toContain('李秀英');
    expect(page.html).not.toContain('13811112222');
    expect(page.html).toContain('value="赵小红"');
    expect(page.html).toContain('value="13700001111"');
    expect(page.html).toContain('>我生了双胞胎，休完产假回来，单位每天只给1小时哺乳时间</textarea>');
    expect(page.html).toContain('action="/grievances"');
    expect(await sys.db.selectFrom('cases').select('case_no').where('complainant_phone', '=', '13700001111').execute()).toEqual([]);
  });

  it('asks for a description first', async () => {
    const b = browser(sys.baseUrl);
    await b.get('/grievances/new');
    const page = await b.post('/grievances/check', { complainantName: '赵小红', description: '' });
    expect(page.status).toBe(400);
    expect(page.alert).toContain('诉求描述');
    expect(page.html).toContain('value="赵小红"');
  });
});

describe('the staff page: only district staff edit, and every edit is recorded', () => {
  const itemId = async (slug: string) => (await sys.db.selectFrom('library_items').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const editable = async (id: number) => {
    const row = await sys.db.selectFrom('library_items').select(['kind', 'topic', 'title', 'law', 'article', 'summary', 'body', 'keywords']).where('id', '=', id).executeTakeFirstOrThrow();
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? ''])) as Record<string, string>;
  };

  it('others are sent to sign in, or refused', async () => {
    const nobody = await browser(sys.baseUrl).get('/staff/library');
    expect(nobody.status).toBe(303);
    expect(nobody.location).toContain('/staff/login');
    const caseworker = browser(sys.baseUrl);
    await caseworker.signIn('beishan.sg');
    expect((await caseworker.get('/staff/library')).status).toBe(403);
    const id = await itemId('heat-allowance');
    const before = await editable(id);
    const refused = await caseworker.post(`/staff/library/${id}`, { ...before, title: '改掉的标题' });
    expect(refused.status).toBe(403);
    expect(refused.alert).toContain('编辑法律政策与案例库');
    expect(await editable(id)).toEqual(before);
  });

  it('district staff edit an item; the change is searchable at once and recorded with who and when', async () => {
    const staff = browser(sys.baseUrl);
    await staff.signIn('xihu.qb');
    const list = await staff.get('/staff/library');
    expect(list.status).toBe(200);
    expect(list.html).toContain('法律政策库');
    const id = await itemId('heat-drinks');
    await staff.get(`/staff/library/${id}`);
    const saved = await staff.post(`/staff/library/${id}`, { ...await editable(id), keywords: '防暑饮料 绿豆汤 酸梅汤' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/staff/library/${id}?done=saved`);
    const hits = await api.call('GET', `/api/v1/library/search?q=${encodeURIComponent('酸梅汤')}`);
    expect(hits.body.items[0].slug).toBe('heat-drinks');
    const edits = await sys.db.selectFrom('library_item_edits as e').innerJoin('staff_users as u', 'u.id', 'e.editor_id')
      .select(['e.action', 'u.username', 'e.changes', 'e.at']).where('e.item_id', '=', id).execute();
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ action: 'edited', username: 'xihu.qb', changes: { keywords: ['防暑饮料 绿豆汤 凉茶 防暑药品', '防暑饮料 绿豆汤 酸梅汤'] } });
    const page = await staff.get(`/staff/library/${id}`);
    expect(text(page.html), text(page.html)).toContain('修改 搜索关键词');
  });

  it('bad input is refused in zh-CN and changes nothing', async () => {
    const staff = browser(sys.baseUrl);
    await staff.signIn('xihu.qb');
    const id = await itemId('overtime-pay-rates');
    const before = await editable(id);
    await staff.get(`/staff/library/${id}`);
    for (const [change, message] of [
      [{ title: '' }, '请填写标题'], [{ topic: 'nope' }, '主题的取值无效'], [{ article: '44' }, '条款'],
      [{ law: '' }, '法条释义须填写法律名称和条款'], [{ body: '字'.repeat(3001) }, '正文不能超过3000个字'],
    ] as const) {
      const r = await staff.post(`/staff/library/${id}`, { ...before, ...change });
      expect(r.status, JSON.stringify(change)).toBe(400);
      expect(r.alert).toContain(message);
    }
    expect(await editable(id)).toEqual(before);
    expect(await sys.db.selectFrom('library_item_edits').select('id').where('item_id', '=', id).execute()).toEqual([]);
  });

  it('adds an item and unpublishes it: gone from the public search and page, kept for staff', async () => {
    const staff = browser(sys.baseUrl);
    await staff.signIn('xihu.qb');
    await staff.get('/staff/library/new');
    const added = await staff.post('/staff/library', {
      slug: 'guide-rider-accident', kind: 'guide', topic: 'injury', title: '外卖骑手送餐路上摔伤怎么办', law: '', article: '',
      summary: '先就医，保留订单记录和事故照片，再确认与谁存在劳动关系或有无职业伤害保障。', body: '送餐途中摔伤，先就医。\n保存平台订单截图。', keywords: '骑手 摔伤',
    });
    expect(added.status).toBe(303);
    const id = Number(/\/staff\/library\/(\d+)/.exec(added.location ?? '')?.[1]);
    expect((await browser(sys.baseUrl).get('/library/guide-rider-accident')).status).toBe(200);
    const dup = await staff.post('/staff/library', { slug: 'guide-rider-accident', kind: 'guide', topic: 'injury', title: '重复', summary: '重复', body: '重复' });
    expect(dup.status).toBe(409);
    expect(dup.alert).toContain('已被其他条目使用');

    await staff.get(`/staff/library/${id}`);
    expect((await staff.post(`/staff/library/${id}/published`, { published: '0' })).status).toBe(303);
    expect((await browser(sys.baseUrl).get('/library/guide-rider-accident')).status).toBe(404);
    const hits = await api.call('GET', `/api/v1/library/search?q=${encodeURIComponent('骑手 摔伤')}`);
    expect(hits.body.items.map((i: { slug: string }) => i.slug)).not.toContain('guide-rider-accident');
    const staffList = await staff.get(`/staff/library?q=${encodeURIComponent('骑手 摔伤')}`);
    expect(staffList.html).toContain('外卖骑手送餐路上摔伤怎么办');
    const actions = (await sys.db.selectFrom('library_item_edits').select('action').where('item_id', '=', id).orderBy('id').execute()).map((e) => e.action);
    expect(actions).toEqual(['created', 'unpublished']);
  });
});
