/**
 * The mediation's staff commands as the API and the pages take them: each payload's JSON schema (shapes only; what
 * depends on the case, such as a party of it or sums adding up, is the rules' word, in zh-CN too), how the case page's
 * form reads into it (form.ts), and where the page shows its form.
 */
import { CORE_ACTIONS } from '../../shared/core-features/actions';
import type { FormBody } from '../../shared/present/form-values';
import { DATE, optionalText, PHONE_PATTERN, text } from '../../shared/schema-primitives';
import { actionsOf, type ActionGroup } from '../kind-spec';
import { mediationPayloadFromForm } from './form';
import { CLAIM_ITEM_LABELS, CONSENT_WAYS, CORRECTABLE_FIELDS, MEDIATION_ACTION_LABELS } from './model';
import { REVIEW_DECLINE_GROUNDS } from './review-acceptance';
import { COURT_BASES, PAYMENT_ORDER_RESULTS, PROPERTY_LEAD_KINDS } from './after-agreement';

const FEN = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;
const POSITIVE_FEN = { type: 'integer', minimum: 1, maximum: 10_000_000_000 } as const;
const PARTY_NO = { type: 'integer', minimum: 1, maximum: 1000 } as const;
const ID_NUMBER = { type: 'string', pattern: '^[0-9]{17}[0-9X]$' } as const;

const MONTH = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;
const claimItem = {
  type: 'object', additionalProperties: false, required: ['kind', 'amountFen'],
  properties: { kind: { type: 'string', enum: Object.keys(CLAIM_ITEM_LABELS) }, amountFen: POSITIVE_FEN, from: MONTH, to: MONTH, note: optionalText(100) },
} as const;

/** A worker as registered; address and the claim's items are optional (cases and clients from before them send none). */
export const workerBody = {
  type: 'object', additionalProperties: false, required: ['name', 'phone', 'idNumber', 'claimedFen'],
  properties: {
    name: text(50), phone: { type: 'string', pattern: PHONE_PATTERN }, idNumber: ID_NUMBER, claimedFen: FEN,
    address: optionalText(200), claims: { type: 'array', maxItems: 10, items: claimItem },
  },
} as const;
export const workerList = { type: 'array', minItems: 1, maxItems: 300, items: workerBody } as const;

const installment = { type: 'object', additionalProperties: false, required: ['dueDate', 'amountFen'], properties: { dueDate: DATE, amountFen: POSITIVE_FEN } } as const;

/** Each command's payload (model.ts MediationPayloads). */
export const mediationActionBodies = {
  setWorkers: { required: ['workers'], properties: { workers: workerList } },
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
  requestLegalAid: { properties: { note: optionalText(500) } },
  confirmReview: { required: ['decisionNo', 'effectiveOn'], properties: { decisionNo: text(60), effectiveOn: DATE } },
  acceptReview: { properties: { noticeNo: optionalText(60) } },
  declineReview: { required: ['ground'], properties: { ground: { type: 'string', enum: Object.keys(REVIEW_DECLINE_GROUNDS) }, reason: optionalText(500) } },
  extendReview: { required: ['approvedBy', 'reason'], properties: { approvedBy: text(50), reason: text(500) } },
  rejectReview: { required: ['reason', 'next'], properties: { reason: text(500), next: { type: 'string', enum: ['mediation', 'arbitration'] } } },
  recordPayment: { required: ['installmentNo', 'paidFen'], properties: { installmentNo: { type: 'integer', minimum: 1, maximum: 24 }, paidFen: POSITIVE_FEN } },
  withdrawWorker: { required: ['partyNo', 'reason'], properties: { partyNo: PARTY_NO, reason: text(500), settled: { type: 'boolean' }, recoveredFen: POSITIVE_FEN } },
  splitOffWorker: { required: ['partyNo', 'reason', 'next'], properties: { partyNo: PARTY_NO, reason: text(500), next: { type: 'string', enum: ['mediation', 'arbitration'] } } },
  extendMediation: {
    required: ['until', 'consents'],
    properties: {
      until: DATE,
      consents: { type: 'array', minItems: 2, maxItems: 20, items: { type: 'object', additionalProperties: false, required: ['side', 'name', 'how'], properties: { side: { type: 'string', enum: ['worker', 'employer'] }, name: text(50), how: { type: 'string', enum: Object.keys(CONSENT_WAYS) } } } },
    },
  },
  correctParty: { required: ['partyNo', 'field', 'value'], properties: { partyNo: PARTY_NO, field: { type: 'string', enum: Object.keys(CORRECTABLE_FIELDS) }, value: text(200) } },
  recordPropertyLead: { required: ['kind', 'detail'], properties: { kind: { type: 'string', enum: Object.keys(PROPERTY_LEAD_KINDS) }, detail: text(500), location: optionalText(200) } },
  chooseEnforcementCourt: { required: ['basis'], properties: { basis: { type: 'string', enum: Object.keys(COURT_BASES) }, courtUnitId: optionalText(60), reason: optionalText(500) } },
  performWithoutReview: { required: ['reason', 'paymentClaim'], properties: { reason: text(500), paymentClaim: { type: 'boolean' } } },
  recordPaymentOrder: { required: ['result'], properties: { result: { type: 'string', enum: Object.keys(PAYMENT_ORDER_RESULTS) }, orderNo: optionalText(60), note: optionalText(500) } },
} as const;
/** The mediation's own commands (their forms are form.ts); the core's claim of a pooled task (接单) and take-over come with them. */
export type OwnMediationAction = keyof typeof mediationActionBodies;
export type MediationStaffAction = OwnMediationAction | 'claimTask' | 'takeOver' | 'confirmReceipt';
export const MEDIATION_STAFF_ACTIONS = [...Object.keys(mediationActionBodies), 'claimTask', 'takeOver', 'confirmReceipt'] as MediationStaffAction[];

/**
 * Where the page shows each form, in the order it shows them: the mediator's own work first, in the order the process
 * needs it (page.ts reads this order), then the other actions, the irreversible ones apart.
 */
export const MEDIATION_ACTION_GROUPS: Record<MediationStaffAction, ActionGroup> = {
  claimTask: 'main', acceptReview: 'main', confirmReview: 'main', confirmReceipt: 'main', recordPayment: 'main', electRepresentatives: 'main',
  recordPaymentOrder: 'main', submitForReview: 'main', draftAgreement: 'main', recordSession: 'main', scheduleSession: 'main',
  recordPropertyLead: 'other', chooseEnforcementCourt: 'other', setWorkers: 'other', resendCode: 'other', requestLegalAid: 'other', extendMediation: 'other', correctParty: 'other', extendReview: 'other',
  performWithoutReview: 'irreversible', withdrawWorker: 'irreversible', splitOffWorker: 'irreversible',
  refuse: 'irreversible', declineReview: 'irreversible', rejectReview: 'irreversible', takeOver: 'irreversible',
};

export const mediationActions = actionsOf(MEDIATION_STAFF_ACTIONS, (name) => (name === 'claimTask' || name === 'takeOver' || name === 'confirmReceipt'
  ? { ...CORE_ACTIONS[name], label: MEDIATION_ACTION_LABELS[name], group: MEDIATION_ACTION_GROUPS[name] }
  : { label: MEDIATION_ACTION_LABELS[name], body: mediationActionBodies[name], group: MEDIATION_ACTION_GROUPS[name], form: (body: FormBody) => mediationPayloadFromForm(name, body) }));
