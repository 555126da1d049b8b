/** JSON schemas for grievances: one place serves validation and the OpenAPI document alike. */
import { CATEGORY_LABELS, OUTCOME_LABELS, PARTNER_DEPARTMENTS } from '../../workflows/shared/grievance-model';

export const PHONE_PATTERN = '^1[3-9][0-9]{9}$';
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' }) as const;
const optionalText = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const CASE_NO = { type: 'string', pattern: '^GQ[0-9A-Z]{10}$' } as const;

export const caseNoParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: CASE_NO },
} as const;

const intakeCommon = {
  complainantName: text(30),
  complainantPhone: { type: 'string', pattern: PHONE_PATTERN },
  enterpriseId: { type: 'string', maxLength: 40 },
  enterpriseName: optionalText(100),
  streetId: { type: 'string', maxLength: 40 },
  category: { type: 'string', enum: Object.keys(CATEGORY_LABELS) },
  description: text(2000),
  idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
} as const;

/** JSON API: money in fen. Either a known enterpriseId, or a typed enterpriseName with the streetId. */
export const grievanceIntakeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['complainantName', 'complainantPhone', 'category', 'description', 'claimedFen', 'workerCount'],
  properties: {
    ...intakeCommon,
    claimedFen: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
    workerCount: { type: 'integer', minimum: 1, maximum: 100_000 },
  },
} as const;

/** The phone form: everything arrives as text, money in yuan with up to two decimals. */
export const grievanceIntakeForm = {
  type: 'object',
  required: ['complainantName', 'complainantPhone', 'category', 'description', 'workerCount'],
  properties: {
    ...intakeCommon,
    claimedYuan: { type: 'string', pattern: '^[0-9]{1,10}(\\.[0-9]{1,2})?$' },
    workerCount: { type: 'integer', minimum: 1, maximum: 100_000 },
  },
} as const;

export const complainantProof = {
  phone: { type: 'string', pattern: PHONE_PATTERN },
} as const;

export const ratingBody = {
  type: 'object', additionalProperties: false, required: ['phone', 'score'],
  properties: { ...complainantProof, score: { type: 'integer', minimum: 1, maximum: 5 }, comment: optionalText(500) },
} as const;

export const withdrawBody = {
  type: 'object', additionalProperties: false, required: ['phone', 'reason'],
  properties: { ...complainantProof, reason: text(500) },
} as const;

export const noteBody = {
  type: 'object', additionalProperties: false, required: ['phone', 'text'],
  properties: { ...complainantProof, text: text(1000) },
} as const;

/** Staff actions: the payload of each command (see workflows/shared/grievance-model ActionPayloads). */
export const actionBodies = {
  contactComplainant: { required: ['note'], properties: { note: text(2000) } },
  verifyWithEnterprise: { required: ['note'], properties: { note: text(2000) } },
  urgeMediation: { required: ['note'], properties: { note: text(2000) } },
  recordOutcome: {
    required: ['outcome'],
    properties: {
      outcome: { type: 'string', enum: Object.keys(OUTCOME_LABELS).filter((o) => o !== 'withdrawn') },
      recoveredFen: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
      explanation: optionalText(2000),
      note: optionalText(2000),
    },
  },
  recordFollowUp: { required: ['note'], properties: { note: text(2000) } },
  handUp: { required: ['reason'], properties: { reason: text(2000) } },
  openCoordination: { required: ['department', 'note'], properties: { department: { type: 'string', enum: [...PARTNER_DEPARTMENTS] }, note: text(2000) } },
  completeCoordination: { required: ['taskId', 'note'], properties: { taskId: { type: 'string', maxLength: 200 }, note: text(2000) } },
  withdraw: { required: ['reason'], properties: { reason: text(500) } },
} as const;

export type StaffActionName = keyof typeof actionBodies;
export const STAFF_ACTIONS = Object.keys(actionBodies) as StaffActionName[];
