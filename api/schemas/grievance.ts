/** JSON schemas for grievances: one place serves validation and the OpenAPI document alike. */
import { CASE_NO_PATTERN } from '../../workflows/kinds';
import { CATEGORY_LABELS } from '../../workflows/kinds/grievance/model';

export { PHONE_PATTERN, READABLE_PATTERN, text, optionalText, PHONE_CODE, ID } from '../../workflows/shared/schema-primitives';
import { PHONE_CODE, PHONE_PATTERN, ID, optionalText, text } from '../../workflows/shared/schema-primitives';
/** Any kind's case number (the registry lists the prefixes). */
export { CASE_NO_PATTERN };
export const CASE_NO = { type: 'string', pattern: CASE_NO_PATTERN } as const;
/** A grievance's number: what a worker follows with their link or code (a mediation's parties confirm on /confirm). */
export const GRIEVANCE_NO_PATTERN = '^GQ[0-9A-Z]{10}$';
const GRIEVANCE_NO = { type: 'string', pattern: GRIEVANCE_NO_PATTERN } as const;
export const grievanceNoParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: GRIEVANCE_NO },
} as const;

export const caseNoParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: CASE_NO },
} as const;

/** Every JSON error answer: a stable code and a zh-CN sentence for the person in front of the form. */
export const errorBody = {
  type: 'object', required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;


const intakeCommon = {
  complainantName: text(30),
  complainantPhone: { type: 'string', pattern: PHONE_PATTERN },
  enterpriseId: ID,
  enterpriseName: optionalText(100),
  streetId: ID,
  category: { type: 'string', enum: Object.keys(CATEGORY_LABELS) },
  description: text(2000),
  idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
} as const;

/**
 * JSON API: money in fen. Either a known enterpriseId, or a typed enterpriseName with the streetId. From the public
 * side `phoneCode` (texted by POST /phone-codes) is required; staff filing with their bearer token leave it out.
 */
export const grievanceIntakeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['complainantName', 'complainantPhone', 'category', 'description', 'claimedFen', 'workerCount'],
  properties: {
    ...intakeCommon,
    claimedFen: { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
    workerCount: { type: 'integer', minimum: 1, maximum: 100_000 },
    phoneCode: PHONE_CODE,
  },
  // Blank values count as missing, as the intake reads them (api/services/grievance-intake.ts routeIntake): the rule is
  // about the body alone, so the schema states it and a blank name is a 400, not a refusal after the fact.
  anyOf: [
    { required: ['enterpriseId'], properties: { enterpriseId: { type: 'string', minLength: 1 } } },
    {
      required: ['enterpriseName', 'streetId'],
      properties: { enterpriseName: { type: 'string', pattern: '\\S' }, streetId: { type: 'string', minLength: 1 } },
    },
  ],
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

const PHONE = { type: 'string', pattern: PHONE_PATTERN } as const;

/** Ask for a one-time code: to file (any phone), or to open a case filed with this phone. */
export const phoneCodeBody = {
  type: 'object', additionalProperties: false, required: ['phone', 'purpose'],
  properties: { phone: PHONE, purpose: { type: 'string', enum: ['file', 'track'] }, caseNo: GRIEVANCE_NO },
  if: { properties: { purpose: { const: 'track' } } }, then: { required: ['caseNo'] },
} as const;

/** Open a case as its worker: with the personal link's token, or with the case number, phone and texted code. */
export const workerSessionBody = {
  type: 'object', additionalProperties: false,
  properties: { link: { type: 'string', pattern: '^L[A-Za-z0-9_-]{32}$' }, caseNo: GRIEVANCE_NO, phone: PHONE, code: PHONE_CODE },
  oneOf: [{ required: ['link'] }, { required: ['caseNo', 'phone', 'code'] }],
} as const;

export const ratingBody = {
  type: 'object', additionalProperties: false, required: ['score'],
  properties: { score: { type: 'integer', minimum: 1, maximum: 5 }, comment: optionalText(500) },
} as const;

export const withdrawBody = {
  type: 'object', additionalProperties: false, required: ['reason'],
  properties: { reason: text(500) },
} as const;

export const noteBody = {
  type: 'object', additionalProperties: false, required: ['text'],
  properties: { text: text(1000) },
} as const;
