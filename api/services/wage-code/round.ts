/**
 * A wage round as its workers read it on the 协商码 page (the QR code the enterprise union posts): the enterprise and
 * year, where the round stands in words written for a worker, every offer with its clauses, the agreement once it is
 * published, the suggestions counted and the posts not removed, each numbered (so the chair can name one) with its
 * phone masked. Read from Postgres, where the workflow's activities keep all of it (case row, wage_rounds, wage_offers,
 * wage_posts): the page is public and read by many, and it stays readable after the engine's retention.
 */
import type { Kysely } from 'kysely';
import { findRoundByCode, offersOfRound, postsOfRound } from '../../../db/queries/wage-code';
import type { Database } from '../../../db/schema';
import { shanghaiDate, shanghaiMinute } from '../../../workflows/shared/deadlines';
import { POST_KIND_LABELS, SIDE_LABELS, type Clause, type PostKind, type Side, type WageStage } from '../../../workflows/kinds/wage-negotiation/model';
import { HttpError } from '../../errors';

/** Each stage as a worker reads it: what is happening now and what it means for them. */
const WORKER_STAGES: Record<WageStage, string> = {
  planned: '工会正在准备本年度工资集体协商，欢迎您提出建议',
  supervision: '工会正在准备本年度工资集体协商，上级工会和有关部门正在督促推进，欢迎您提出建议',
  requested: '工会已向企业发出书面协商要约，企业应在20日内答复',
  negotiating: '工会与企业正在协商工资，欢迎您对双方方案提出建议',
  congress: '双方已就方案达成一致，合同草案提交职工代表大会审议',
  signing: '职工代表大会已通过合同草案，双方正在签订合同',
  filing: '合同已签订，正在报送人力社保部门审查',
  review: '人力社保部门正在审查合同，15日内无异议即生效',
  closed: '本年度工资集体协商已结束',
};

const PUBLIC_CODE = /^[A-Za-z0-9_-]{16}$/;
export const unknownCode = () => new HttpError(404, '该协商码不存在或已失效，请重新扫描企业工会张贴的协商码', 'NOT_FOUND');

/** The round behind a public code; an unknown or malformed code is the same 404. */
export async function roundOfCode(db: Kysely<Database>, code: string) {
  const row = PUBLIC_CODE.test(code) ? await findRoundByCode(db, code) : undefined;
  if (!row) throw unknownCode();
  return row;
}

export type RoundRow = Awaited<ReturnType<typeof roundOfCode>>;
/** Whether workers may still post: the workflow's rules refuse a post once the round is over, and the page from its outcome on. */
export const takesPosts = (row: RoundRow) => row.status !== 'closed' && row.stage !== 'closed' && row.outcome === null;

function stageText(row: RoundRow): string {
  if (row.outcome === 'effective') return '工资专项集体合同已生效，合同内容见下方';
  if (row.outcome === 'not_held') return '本年度工资集体协商未能开展，已结束';
  return WORKER_STAGES[row.stage as WageStage] ?? row.stage;
}

/** A round is a union proposal and what answered it, as the workflow counts them (workflows/kinds/wage-negotiation/state.ts). */
function offersOf(rows: Awaited<ReturnType<typeof offersOfRound>>) {
  let unionSoFar = 0;
  return rows.map((o) => {
    if (o.side === 'union') unionSoFar += 1;
    const kind = o.offer_no === 1 ? '协商方案' : o.side === 'union' ? '报价' : '回应';
    return {
      offerNo: o.offer_no, side: o.side as Side, sideName: SIDE_LABELS[o.side as Side], round: Math.max(unionSoFar, 1), kind,
      clauses: (typeof o.clauses === 'string' ? JSON.parse(o.clauses) : o.clauses) as Clause[], note: o.note,
      madeAt: new Date(o.made_at).toISOString(), madeOn: shanghaiDate(new Date(o.made_at).getTime()),
    };
  });
}

/** Everything the page and GET /api/v1/negotiation-rounds/:code show. */
export async function publicRound(db: Kysely<Database>, code: string) {
  const row = await roundOfCode(db, code);
  const [offers, posts] = await Promise.all([offersOfRound(db, row.case_no), postsOfRound(db, row.case_no)]);
  const published = row.published_at && row.agreement_text !== null;
  return {
    enterpriseName: row.enterprise_name, year: row.year, stage: row.stage as WageStage, stageText: stageText(row), open: takesPosts(row),
    offers: offersOf(offers),
    agreement: published
      ? { lines: row.agreement_text!.split('\n'), effectiveOn: row.effective_at ? shanghaiDate(new Date(row.effective_at).getTime()) : null, publishedAt: new Date(row.published_at!).toISOString() }
      : null,
    suggestions: posts.filter((p) => p.kind === 'suggestion').length,
    comments: posts.filter((p) => p.kind === 'comment').length,
    posts: posts.map((p) => ({
      postNo: p.post_no, kind: p.kind as PostKind, kindName: POST_KIND_LABELS[p.kind as PostKind], text: p.text, phoneMasked: p.phone_masked,
      postedAt: new Date(p.posted_at).toISOString(), postedText: shanghaiMinute(new Date(p.posted_at).getTime()),
    })),
  };
}

export type PublicRound = Awaited<ReturnType<typeof publicRound>>;
