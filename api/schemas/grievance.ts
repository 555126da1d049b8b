/** JSON schemas for grievances: one place serves validation and the OpenAPI document alike. */
import { CASE_NO_PATTERN } from '../../workflows/kinds';
import { readablePattern } from './readable';
import { CATEGORY_LABELS, OUTCOME_LABELS, PARTNER_DEPARTMENTS } from '../../workflows/kinds/grievance/model';

export const PHONE_PATTERN = '^1[3-9][0-9]{9}$';
/**
 * Text a person can read: no control characters but tab and line breaks, no invisible characters that hide or reorder
 * text (zero-width space, word joiner, BOM, bidirectional overrides; a zero-width joiner inside emoji stays), no
 * unassigned, private-use or lone surrogate code points (they were stored and shown to the worker as empty boxes).
 * Explicit ranges rather than Unicode property classes, so that any tool reading the OpenAPI document can make and
 * check values (./readable.ts). Ajv compiles patterns with the u flag.
 */
export const READABLE_PATTERN = readablePattern();
export const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, allOf: [{ pattern: '\\S' }, { pattern: READABLE_PATTERN }] }) as const;
/**
 * The pattern sits in allOf, apart from maxLength, in text() and optionalText() alike: a generator that folds a length
 * into a pattern (Schemathesis rewrites `^[...]*$` as `^[...]{0,n}$`) would otherwise respell these ranges in its own
 * escapes, which the validator it checks them with cannot read.
 */
export const optionalText = (maxLength: number) => ({ type: 'string', maxLength, allOf: [{ pattern: READABLE_PATTERN }] }) as const;
/** Any kind's case number (the registry lists the prefixes). */
export { CASE_NO_PATTERN };
export const CASE_NO = { type: 'string', pattern: CASE_NO_PATTERN } as const;
/** A grievance's number: what a worker follows with their link or code (a mediation's parties confirm on /confirm). */
export const GRIEVANCE_NO_PATTERN = '^GQ[0-9A-Z]{10}$';
const GRIEVANCE_NO = { type: 'string', pattern: GRIEVANCE_NO_PATTERN } as const;
export const grievanceNoParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: GRIEVANCE_NO },
} as const;
export const PHONE_CODE = { type: 'string', pattern: '^[0-9]{6}$' } as const;

export const caseNoParams = {
  type: 'object', required: ['caseNo'], properties: { caseNo: CASE_NO },
} as const;

/** Every JSON error answer: a stable code and a zh-CN sentence for the person in front of the form. */
export const errorBody = {
  type: 'object', required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

/** Ids of the organisation (e-jingmi, s-beishan) and usernames: plain letters, digits and - _ . only. */
export const ID = { type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9._-]*$' } as const;

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
      employerRepresentative: optionalText(30),
      employerPhone: { type: 'string', pattern: PHONE_PATTERN },
      employerAddress: optionalText(200),
    },
  },
  recordFollowUp: { required: ['note'], properties: { note: text(2000) } },
  handUp: { required: ['reason'], properties: { reason: text(2000) } },
  openCoordination: { required: ['department', 'note'], properties: { department: { type: 'string', enum: [...PARTNER_DEPARTMENTS] }, note: text(2000) } },
  completeCoordination: { required: ['taskId', 'note'], properties: { taskId: optionalText(200), note: text(2000) } },
  withdraw: { required: ['reason'], properties: { reason: text(500) } },
  takeOver: { required: ['reason'], properties: { reason: text(500) } },
  notifyEnterpriseNow: { required: ['reason'], properties: { reason: text(500) } },
} as const;

export type StaffActionName = keyof typeof actionBodies;
export const STAFF_ACTIONS = Object.keys(actionBodies) as StaffActionName[];
