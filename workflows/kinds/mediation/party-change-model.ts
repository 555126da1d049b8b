/** A worker leaving a group case, an extension by consent and a correction of a party's details: their facts. */
import type { WorkerParty } from './model';

/** A worker who left the case: withdrew (撤回; `settled` when paid in full first) or was split off to a case of their own. */
export interface DepartedWorker extends WorkerParty {
  way: 'withdrawn' | 'split_off';
  reason: string;
  at: string;
  settled?: boolean;
  /** what they were paid before they withdrew (counted as recovered) */
  recoveredFen?: number;
  newCaseNo?: string;
}

export const CONSENT_WAYS = { in_person: '当面', phone: '电话', written: '书面', online: '线上' } as const;
export interface Consent { side: 'worker' | 'employer'; name: string; how: keyof typeof CONSENT_WAYS }
export interface Extension { until: string; consents: Consent[]; by: string; at: string }

/** What the mediator may correct in a party's details before review (worker: phone only). */
export const CORRECTABLE_FIELDS = { address: '住所', creditCode: '统一社会信用代码', representative: '法定代表人（主要负责人）', phone: '联系电话' } as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;
