/**
 * JSON schemas of the mediation → arbitration kind (issue 16): a new case, each command's payload, a party's
 * confirmation. Shapes are checked here; what depends on the case (a party of this case, amounts adding up, dates
 * after today) is checked by the kind's rules in the workflow, which answer in zh-CN too.
 */
import { CASE_NO, ID, optionalText, PHONE_CODE, PHONE_PATTERN, text } from './grievance';

const FEN = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;
const POSITIVE_FEN = { type: 'integer', minimum: 1, maximum: 10_000_000_000 } as const;
const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const PARTY_NO = { type: 'integer', minimum: 1, maximum: 1000 } as const;
const ID_NUMBER = { type: 'string', pattern: '^[0-9]{17}[0-9X]$' } as const;

export const workerBody = {
  type: 'object', additionalProperties: false, required: ['name', 'phone', 'idNumber', 'claimedFen'],
  properties: { name: text(50), phone: { type: 'string', pattern: PHONE_PATTERN }, idNumber: ID_NUMBER, claimedFen: FEN },
} as const;

const workers = { type: 'array', minItems: 1, maxItems: 300, items: workerBody } as const;

/** A walk-in at the station (a mediator) or a referral by the arbitration institute (its clerk, with its number). */
export const mediationIntakeBody = {
  type: 'object', additionalProperties: false,
  required: ['employer', 'workers', 'dispute', 'streetId'],
  properties: {
    employer: {
      type: 'object', additionalProperties: false, required: ['name', 'address', 'representative', 'phone'],
      properties: {
        name: text(100), enterpriseId: ID, creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' }, address: text(200),
        representative: text(30), phone: { type: 'string', pattern: PHONE_PATTERN },
      },
    },
    workers,
    dispute: text(60),
    streetId: ID,
    /** when the station received the application (default: now); no later than now, no earlier than 15 days ago */
    appliedAt: { type: 'string', format: 'date-time' },
    referralNo: optionalText(60),
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

const installment = { type: 'object', additionalProperties: false, required: ['dueDate', 'amountFen'], properties: { dueDate: DATE, amountFen: POSITIVE_FEN } } as const;

/** Each command's payload (workflows/kinds/mediation/model.ts MediationPayloads), for the staff JSON API. */
export const mediationActionBodies = {
  setWorkers: { required: ['workers'], properties: { workers } },
  electRepresentatives: { required: ['partyNos'], properties: { partyNos: { type: 'array', minItems: 1, maxItems: 10, items: PARTY_NO } } },
  scheduleSession: { required: ['at', 'mode'], properties: { at: { type: 'string', format: 'date-time' }, mode: { type: 'string', enum: ['online', 'in_person'] }, place: optionalText(200) } },
  recordSession: { required: ['sessionNo', 'attendees', 'notes'], properties: { sessionNo: { type: 'integer', minimum: 1, maximum: 1000 }, attendees: { type: 'array', minItems: 1, maxItems: 301, items: PARTY_NO }, notes: text(2000) } },
  draftAgreement: {
    required: ['terms', 'totalFen', 'payment', 'paymentMethod'],
    properties: {
      terms: { type: 'array', minItems: 1, maxItems: 300, items: { type: 'object', additionalProperties: false, required: ['partyNo', 'amountFen'], properties: { partyNo: PARTY_NO, amountFen: FEN } } },
      totalFen: POSITIVE_FEN,
      paymentMethod: text(200),
      payment: {
        type: 'object', required: ['kind'],
        oneOf: [
          { additionalProperties: false, required: ['kind', 'dueDate'], properties: { kind: { const: 'lump-sum' }, dueDate: DATE } },
          { additionalProperties: false, required: ['kind', 'installments'], properties: { kind: { const: 'installments' }, installments: { type: 'array', minItems: 2, maxItems: 24, items: installment } } },
        ],
      },
    },
  },
  resendCode: { required: ['partyNo'], properties: { partyNo: PARTY_NO } },
  refuse: { required: ['side', 'reason'], properties: { side: { type: 'string', enum: ['worker', 'employer'] }, reason: text(500) } },
  submitForReview: { properties: { note: optionalText(500) } },
  confirmReceipt: { required: ['documentId'], properties: { documentId: { type: 'integer', minimum: 1 } } },
  confirmReview: { required: ['decisionNo', 'effectiveOn'], properties: { decisionNo: text(60), effectiveOn: DATE } },
  rejectReview: { required: ['reason', 'next'], properties: { reason: text(500), next: { type: 'string', enum: ['mediation', 'arbitration'] } } },
  recordPayment: { required: ['installmentNo', 'paidFen'], properties: { installmentNo: { type: 'integer', minimum: 1, maximum: 24 }, paidFen: POSITIVE_FEN } },
} as const;
export type MediationStaffAction = keyof typeof mediationActionBodies;
export const MEDIATION_STAFF_ACTIONS = Object.keys(mediationActionBodies) as MediationStaffAction[];

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
    representative: text(30), employerPhone: { type: 'string', pattern: PHONE_PATTERN },
    workers: text(40_000), dispute: text(60), streetId: ID,
    appliedAt: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$' },
    referralNo: optionalText(60),
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

/** A party's confirmation on the phone page: the same fields as the JSON body, typed into a form. */
export const confirmationForm = {
  type: 'object', required: ['phone', 'code'],
  properties: { phone: { type: 'string', pattern: PHONE_PATTERN }, code: PHONE_CODE },
} as const;

export const documentParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' } },
} as const;

export const mediationCaseParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: { ...CASE_NO, pattern: '^MA[0-9A-Z]{10}$' } },
} as const;

