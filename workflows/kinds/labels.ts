/**
 * A case's words in zh-CN, looked up through its kind (found from the case number): what pages, SMS, documents and the
 * supervisors' account print for a stage, an outcome, a category or an SMS template. An unknown value prints as is.
 */
import { CASE_KINDS, kindOfCaseNo } from './index';
import type { KindLabels } from './kind-spec';

type Table = 'stages' | 'outcomes' | 'categories' | 'sms';

/** The case's kind's table; without a case number (an older caller), the first kind that knows the value. */
export function labelOf(table: Table, value: unknown, caseNo?: unknown): string {
  const key = String(value ?? '');
  const kind = typeof caseNo === 'string' ? kindOfCaseNo(caseNo) : undefined;
  const tables: KindLabels[] = kind ? [kind.labels] : CASE_KINDS.map((k) => k.labels);
  for (const labels of tables) if (Object.hasOwn(labels[table], key)) return labels[table][key];
  return key;
}

/** Every SMS template any kind sends, with its name: the SMS page's filter. */
export function smsTemplateLabels(): Record<string, string> {
  return Object.assign({}, ...CASE_KINDS.map((k) => k.labels.sms), { 'phone-code': '验证码' });
}

export function kindLabelOf(caseNo: unknown): string {
  return (typeof caseNo === 'string' && kindOfCaseNo(caseNo)?.label) || '';
}
