/**
 * Generated data for the library bench (issue 23): library items made by recombining the sentences of the seeded ones
 * (so their words, and how often each occurs, are the library's own), and grievances whose descriptions a worker could
 * have written, most of them closed. Deterministic: the same seed gives the same rows.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { LIBRARY_ITEMS } from '../../db/seed/library';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}
const pickOf = (r: () => number) => <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const sentences = (t: string) => t.split(/(?<=[。；！？])/).map((s) => s.trim()).filter(Boolean);

export async function insertLibraryItems(db: Kysely<Database>, count: number, seed = 23): Promise<void> {
  const r = prng(seed);
  const pick = pickOf(r);
  const pool = LIBRARY_ITEMS.flatMap((i) => sentences(i.body));
  const words = LIBRARY_ITEMS.flatMap((i) => (i.keywords ?? '').split(/\s+/).filter(Boolean));
  for (let from = 0; from < count; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - from) }, (_, k) => {
      const base = pick(LIBRARY_ITEMS);
      const n = from + k;
      return {
        slug: `bench-${n}`, kind: base.kind, topic: base.topic, title: `${pick(words)}：${base.title.slice(0, 12)}（${n}）`,
        law: base.law ?? null, article: base.article ?? null, summary: pick(pool),
        body: Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(pool)).join(''),
        keywords: Array.from({ length: 3 }, () => pick(words)).join(' '), updated_at: new Date(), updated_by: null,
      };
    });
    await db.insertInto('library_items').values(rows).execute();
  }
}

const OPENINGS = ['我在厂里上班三年了，', '我是一名外卖骑手，', '我们车间一共十几个人，', '我在饭店后厨工作，', '我刚入职两个月，', '我在工地干活，', '我是仓库管理员，'];
const PROBLEMS = [
  '公司已经两个月没发工资了，多次催要都说再等等。', '周六周日经常加班，加班费按平时工资算，也不安排补休。', '夏天气温三十七八度还让我们在户外干活，没有高温津贴。',
  '上个月在车间被机器压伤了手，老板说不算工伤，也不给报销医药费。', '我怀孕以后主管让我自己辞职，说我干不了活。', '生了双胞胎回来上班，每天只给1小时哺乳时间。',
  '入职到现在一直没签劳动合同，也没交社保。', '老板说我不能胜任工作，直接让我明天不用来了，一分钱补偿也没有。', '年终奖说好了年底发，现在一直拖着不给。',
  '试用期延长到六个月，工资只有正式工的一半。', '辞职提前一个月交了申请，最后一个月工资扣着不发。', '公司让我们签自愿放弃社保的声明。',
];
const ASKS = ['希望工会帮忙协调。', '想问问这样合不合法。', '请工会帮我们讨个说法。', '我的电话是13912345678，请联系我。', '同事们都是这样的情况。'];
const CATEGORIES = ['unpaid_wages', 'overtime_pay', 'high_temperature', 'work_injury', 'female_workers', 'female_workers', 'other', 'dismissal', 'unpaid_wages', 'other', 'dismissal', 'social_insurance'];
const OUTCOMES = ['mediated', 'mediated', 'mediated', 'arbitration', 'withdrawn', 'unfounded', 'legal_aid'];

/** `count` grievances, `closedShare` of them closed, each with a description drawn from the lists above. */
export async function insertBenchCases(db: Kysely<Database>, count: number, closedShare = 0.7, seed = 100): Promise<void> {
  const r = prng(seed);
  const pick = pickOf(r);
  const now = Date.now();
  for (let from = 0; from < count; from += 2000) {
    const n = Math.min(2000, count - from);
    const made = Array.from({ length: n }, (_, k) => {
      const p = Math.floor(r() * PROBLEMS.length);
      const closed = r() < closedShare;
      return {
        caseNo: `GQLIB${String(from + k).padStart(7, '0')}`, closed, category: CATEGORIES[p],
        description: `${pick(OPENINGS)}${PROBLEMS[p]}${r() < 0.5 ? pick(PROBLEMS) : ''}${pick(ASKS)}`,
        at: new Date(now - Math.floor(r() * 365 * 86_400_000)),
      };
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(made.map((c) => ({
        case_no: c.caseNo, kind: 'grievance', workflow_id: `bench-library-${c.caseNo}`, district_id: 'd-xihu', street_id: 's-beishan',
        enterprise_id: null, enterprise_name: '西湖精密机械有限公司', status: c.closed ? 'closed' : 'open', stage: c.closed ? 'closed' : 'contact',
        level: 'street', complainant_name: '王小明', complainant_phone: '13912345678', claimed_fen: 100_000, worker_count: 1,
        outcome: c.closed ? pick(OUTCOMES) : null, recovered_fen: null, rating: null, rating_comment: null, enterprise_notified_at: null,
        created_at: c.at, updated_at: c.at,
      }))).execute();
      await trx.insertInto('grievance_cases').values(made.map((c) => ({ case_no: c.caseNo, category: c.category, description: c.description }))).execute();
    });
  }
  await sql`analyze cases`.execute(db);
  await sql`analyze grievance_cases`.execute(db);
  await sql`analyze library_items`.execute(db);
}
