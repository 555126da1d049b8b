/**
 * What a withdrawal, a split-off, an extension by consent or a correction must say to be accepted (party-changes.ts
 * applies them). Pure; every refusal in zh-CN, as the rules' others.
 */
import { shanghaiDate } from '../../shared/deadlines';
import { domainError } from '../../shared/domain-error';
import { requireDate, requireFen, requireOneOf, requireText } from '../../shared/payload-checks';
import { validCreditCode } from './credit-code';
import { CONSENT_WAYS, CORRECTABLE_FIELDS, type MediationView } from './model';

type RuleState = Pick<MediationView, 'workers' | 'employer' | 'asOf'> & Partial<Pick<MediationView, 'mediationDeadline'>>;

/** An extension reaches at most this far past today: a longer one is a case that should go to arbitration. */
const MAX_EXTENSION_DAYS = 90;
const DAY = 86_400_000;

function currentWorker(s: RuleState, partyNo: unknown) {
  const w = s.workers.find((x) => x.partyNo === partyNo);
  if (!w) throw domainError('InvalidPayload', `当事人编号 ${String(partyNo)} 不是本案现有的职工（或已撤回、分案）`);
  return w;
}

export function checkLeaving(action: 'withdrawWorker' | 'splitOffWorker', p: Record<string, any>, s: RuleState): void {
  const w = currentWorker(s, p.partyNo);
  requireText(p.reason, action === 'withdrawWorker' ? '撤回理由' : '分案理由', 500);
  if (action === 'splitOffWorker') {
    requireOneOf(p.next, ['mediation', 'arbitration'] as const, '分案后单独调解或转入仲裁');
    return;
  }
  if (p.settled !== undefined && typeof p.settled !== 'boolean') throw domainError('InvalidPayload', '是否已足额支付须为是或否');
  if (p.settled === true) {
    requireFen(p.recoveredFen, `职工${w.name}已收到的金额`, 1);
  } else if (p.recoveredFen !== undefined) {
    throw domainError('InvalidPayload', '只有已足额支付后撤回的，才登记职工已收到的金额');
  }
}

export function checkExtension(p: Record<string, any>, s: RuleState): void {
  const until = requireDate(p.until, '延长后的调解期限');
  const today = shanghaiDate(Date.parse(s.asOf));
  const current = s.mediationDeadline ? shanghaiDate(Date.parse(s.mediationDeadline)) : today;
  if (until <= current) throw domainError('InvalidPayload', `延长后的调解期限（${until}）须晚于现在的期限（${current}）`);
  const latest = shanghaiDate(Date.parse(s.asOf) + MAX_EXTENSION_DAYS * DAY);
  if (until > latest) throw domainError('InvalidPayload', `延长后的调解期限不能晚于${latest}（${MAX_EXTENSION_DAYS}日内）；调解不成的应转入仲裁`);
  if (!Array.isArray(p.consents) || p.consents.length === 0) throw domainError('InvalidPayload', '请登记双方当事人同意延长的情况');
  for (const c of p.consents) {
    requireOneOf(c?.side, ['worker', 'employer'] as const, '同意延长的一方');
    requireText(c.name, '同意人姓名', 50);
    requireOneOf(c.how, Object.keys(CONSENT_WAYS) as (keyof typeof CONSENT_WAYS)[], '同意的方式（当面、电话、书面或线上）');
  }
  const sides = new Set(p.consents.map((c: { side: string }) => c.side));
  if (!sides.has('worker') || !sides.has('employer')) throw domainError('InvalidPayload', '延长调解期限须经双方当事人同意：请同时登记职工一方和用人单位一方的同意');
}

export function checkCorrection(p: Record<string, any>, s: RuleState): void {
  const employer = p.partyNo === s.employer.partyNo;
  const worker = employer ? null : currentWorker(s, p.partyNo);
  const field = requireOneOf(p.field, Object.keys(CORRECTABLE_FIELDS) as (keyof typeof CORRECTABLE_FIELDS)[], '更正的项目');
  if (worker && field !== 'phone') throw domainError('InvalidPayload', '职工只能更正联系电话');
  const label = CORRECTABLE_FIELDS[field];
  requireText(p.value, label, field === 'address' ? 200 : 50);
  const value = String(p.value).trim();
  if (field === 'phone' && !/^1[3-9]\d{9}$/.test(value)) throw domainError('InvalidPayload', `${label}应为11位手机号码`);
  if (field === 'creditCode' && !validCreditCode(value)) throw domainError('InvalidPayload', `统一社会信用代码（${value}）不正确：应为18位，末位校验码须相符`);
  const now = worker ? worker.phone : field === 'representative' ? s.employer.representative.name : s.employer[field];
  if (now === value) throw domainError('ActionNotAllowed', `${label}与现有信息相同，无需更正`);
}
