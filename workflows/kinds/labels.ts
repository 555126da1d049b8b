/**
 * A case's words in zh-CN, looked up through its kind (found from the case number): what pages, SMS, documents and the
 * supervisors' account print for a stage, an outcome, a category or an SMS template. An unknown value prints as is.
 */
import { CASE_KINDS, kindOfCaseNo } from './index';
import type { KindLabels } from './kind-spec';

type Table = 'stages' | 'outcomes' | 'categories' | 'sms';

/** SMS the core sends for every kind: a step's escalation reminder (human-step.ts), a worker's one-time code. */
const CORE_SMS: Record<string, string> = { 'task-overdue': '超时督办', 'phone-code': '验证码' };

/** The case's kind's table; without a case number (an older caller), the first kind that knows the value. */
export function labelOf(table: Table, value: unknown, caseNo?: unknown): string {
  const key = String(value ?? '');
  const kind = typeof caseNo === 'string' ? kindOfCaseNo(caseNo) : undefined;
  const tables: Record<string, string>[] = (kind ? [kind.labels] : CASE_KINDS.map((k) => k.labels)).map((l: KindLabels) => l[table]);
  if (table === 'sms') tables.push(CORE_SMS);
  for (const labels of tables) if (Object.hasOwn(labels, key)) return labels[key];
  return key;
}

/** Every SMS template the core or any kind sends, with its name: the SMS page's filter. */
export function smsTemplateLabels(): Record<string, string> {
  return Object.assign({}, ...CASE_KINDS.map((k) => k.labels.sms), CORE_SMS);
}

export function kindLabelOf(caseNo: unknown): string {
  return (typeof caseNo === 'string' && kindOfCaseNo(caseNo)?.label) || '';
}
