/**
 * A worker posts a suggestion or a comment on the 协商码 page. The phone is proven by a one-time code texted to it
 * (api/services/phone-codes.ts, purpose 'file'; its throttles per phone and per address apply), each post spends a code
 * of its own, and a phone makes at most so many posts a day (securityConfig.wagePosts). The post itself is the round's
 * `postSuggestion` command: the workflow's rules decide (a closed round refuses it) and its activity writes the
 * wage_posts row before the update answers, so the page shows the post at once. The phone is kept only masked.
 *
 * The daily cap counts the codes spent on posts in phone_codes (consumer 'wage-post:…'), not wage_posts: that table
 * keeps only the masked phone, which two phones can share, while phone_codes has the phone itself.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { postsByPhoneSince, WAGE_POST_CONSUMER } from '../../../db/queries/wage-code';
import { POST_KIND_LABELS, type PostKind } from '../../../workflows/kinds/wage-negotiation/model';
import { maskPhone } from '../../../workflows/shared/present/format';
import { READABLE_PATTERN } from '../../../workflows/shared/schema-primitives';
import { badRequest, HttpError } from '../../errors';
import { securityConfig } from '../../security/config';
import { actOnCase } from '../cases';
import { checkPhoneCode, sendPhoneCode } from '../phone-codes';
import { roundOfCode, takesPosts, type RoundRow } from './round';

const PHONE = /^1[3-9][0-9]{9}$/;
const READABLE = new RegExp(READABLE_PATTERN, 'u');
const closedRound = () => new HttpError(409, '本年度工资集体协商已结束，不能再留言', 'CaseClosed');

function open(row: RoundRow): RoundRow {
  if (!takesPosts(row)) throw closedRound();
  return row;
}

/** Texts a code to a worker's phone for posting on this round (none for an unknown or closed round). */
export async function requestPostCode(app: FastifyInstance, q: { code: string; phone: string; client: string }): Promise<void> {
  open(await roundOfCode(app.db, q.code));
  if (!PHONE.test(q.phone)) throw badRequest('请填写正确的11位手机号，再获取验证码');
  await sendPhoneCode(app, { phone: q.phone, purpose: 'file', client: q.client });
}

export interface PostRequest {
  code: string;
  phone: string;
  phoneCode?: string;
  kind: PostKind;
  text: string;
  /** the submission's key (a form's hidden field, an Idempotency-Key): the same post sent twice is posted once */
  key?: string;
}

export async function postToRound(app: FastifyInstance, req: PostRequest): Promise<{ caseNo: string }> {
  // What can be said without spending the code comes first: a typo in the text does not cost the worker a code.
  const row = open(await roundOfCode(app.db, req.code));
  if (typeof req.kind !== 'string' || !Object.hasOwn(POST_KIND_LABELS, req.kind)) throw badRequest('请选择留言类型：建议或评论');
  const text = typeof req.text === 'string' ? req.text.trim() : '';
  // as the workflow's rules count and test it (requireText), so that nothing they refuse spends the code
  if (text.length < 1 || text.length > 500) throw badRequest('留言内容须为1到500个字');
  if (!READABLE.test(text)) throw badRequest('留言内容含有无法显示的字符（如控制字符），请删除后重试');
  if (!PHONE.test(req.phone)) throw badRequest('请填写正确的11位手机号');
  if (!req.phoneCode) throw badRequest('请先获取并填写短信验证码');
  const since = new Date(Date.now() - 24 * securityConfig.HOUR);
  if ((await postsByPhoneSince(app.db, req.phone, since)) >= securityConfig.wagePosts.perPhonePerDay) {
    throw new HttpError(429, '该手机号今天的留言次数已达上限，请明天再来', 'TOO_MANY_ATTEMPTS');
  }
  // Scoped by the phone, so a key someone else used is not this worker's submission.
  const key = `${req.phone}:${req.key ?? randomUUID()}`;
  await checkPhoneCode(app, { phone: req.phone, purpose: 'file', code: req.phoneCode, consumer: `${WAGE_POST_CONSUMER}${row.case_no}:${key}` });
  await actOnCase(app.temporal, row.case_no, {
    action: 'postSuggestion', actor: { role: 'worker', name: '职工' }, payload: { kind: req.kind, text, phoneMasked: maskPhone(req.phone) },
  }, key);
  return { caseNo: row.case_no };
}
