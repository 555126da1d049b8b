/**
 * JSON schemas of the legal-aid kind's own routes: an application registered by the centre's staff (or a court's
 * delegation by its clerk). The commands' payloads are the kind's (workflows/kinds/legal-aid/actions.ts), served by
 * the one action route.
 */
import { workerList } from '../../workflows/kinds/mediation/actions';
import { ID, optionalText, text } from './grievance';

const debtor = {
  type: 'object', additionalProperties: false, required: ['name', 'address', 'representative'],
  properties: {
    name: text(100), enterpriseId: ID, creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' }, address: text(200),
    representative: text(30), representativeRole: { type: 'string', enum: ['法定代表人', '主要负责人'] },
  },
} as const;

export const legalAidIntakeBody = {
  type: 'object', additionalProperties: false,
  required: ['workers', 'debtors', 'dispute', 'facts', 'streetId'],
  properties: {
    workers: workerList,
    /** the employer; a branch and its head office, jointly liable, are two */
    debtors: { type: 'array', minItems: 1, maxItems: 10, items: debtor },
    dispute: text(60),
    facts: text(4000),
    streetId: ID,
    /** a court's delegation for pre-litigation mediation: its reference (a court clerk's applications are delegations) */
    courtRef: optionalText(60),
    /** when the centre received the application (default: now); no later than now, no earlier than 7 days ago */
    appliedAt: { type: 'string', format: 'date-time' },
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

export interface LegalAidIntakeRequest {
  workers: { name: string; phone: string; idNumber: string; claimedFen: number }[];
  debtors: { name: string; enterpriseId?: string; creditCode?: string; address: string; representative: string; representativeRole?: '法定代表人' | '主要负责人' }[];
  dispute: string;
  facts: string;
  streetId: string;
  courtRef?: string;
  appliedAt?: string;
  idempotencyKey?: string;
}
