/**
 * JSON schemas of the mediation → arbitration kind's own routes (issue 16): a new case and a party's confirmation. The
 * commands' payloads are the kind's (workflows/kinds/mediation/actions.ts), served by the one action route.
 */
import { workerList } from '../../workflows/kinds/mediation/actions';
import { DATE } from '../../workflows/shared/schema-primitives';
import { CASE_NO, ID, optionalText, PHONE_CODE, PHONE_PATTERN, text } from './grievance';

/** A walk-in at the station (a mediator) or a referral by the arbitration institute (its clerk, with its number). */
export const mediationIntakeBody = {
  type: 'object', additionalProperties: false,
  required: ['employer', 'workers', 'dispute', 'streetId'],
  properties: {
    employer: {
      type: 'object', additionalProperties: false, required: ['name', 'address', 'representative', 'phone'],
      properties: {
        name: text(100), enterpriseId: ID, creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' }, address: text(200),
        representative: text(30), representativePosition: optionalText(30), phone: { type: 'string', pattern: PHONE_PATTERN },
      },
    },
    workers: workerList,
    dispute: text(60),
    /** 事实和理由, printed on the documents for the institute */
    facts: optionalText(2000),
    streetId: ID,
    /** when the station received the application (default: now); no later than now, no earlier than 15 days ago */
    appliedAt: { type: 'string', format: 'date-time' },
    referralNo: optionalText(60),
    /** YYYY-MM-DD: when the dispute arose (the one-year limitation, Art. 27, is told on transfer) */
    disputeArose: DATE,
    /** the dispute is over whether an employment relationship exists (no review, Art. 75: arbitration instead) */
    employmentInDispute: { type: 'boolean' },
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

/** A party confirms the drafted agreement with the code texted to their phone. */
export const confirmationBody = {
  type: 'object', additionalProperties: false, required: ['phone', 'code'],
  properties: { phone: { type: 'string', pattern: PHONE_PATTERN }, code: PHONE_CODE },
} as const;

/**
 * The staff page's intake form: every field arrives as text; the workers come as a textarea, one a line, parsed by
 * api/routes/staff/mediation-form.ts. appliedAt is a datetime-local value, Asia/Shanghai.
 */
export const mediationIntakeForm = {
  type: 'object', additionalProperties: false,
  required: ['employerName', 'employerAddress', 'representative', 'employerPhone', 'workers', 'dispute', 'streetId'],
  properties: {
    employerName: text(100), creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' }, employerAddress: text(200),
    representative: text(30), representativePosition: optionalText(30), employerPhone: { type: 'string', pattern: PHONE_PATTERN },
    workers: text(40_000), dispute: text(60), facts: optionalText(2000), streetId: ID,
    appliedAt: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$' },
    referralNo: optionalText(60),
    disputeArose: { type: 'string', pattern: '^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    employmentInDispute: { type: 'string', enum: ['1'] },
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

/** A party's confirmation on the phone page: the same fields as the JSON body, typed into a form. */
export const confirmationForm = {
  type: 'object', required: ['phone', 'code'],
  properties: { phone: { type: 'string', pattern: PHONE_PATTERN }, code: PHONE_CODE },
} as const;


export const mediationCaseParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: { ...CASE_NO, pattern: '^MA[0-9A-Z]{10}$' } },
} as const;

