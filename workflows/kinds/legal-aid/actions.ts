/**
 * The legal-aid case's staff commands as the API and the pages take them: each payload's JSON schema (shapes only;
 * what depends on the case is the rules' word), how the case page's form reads into it (form.ts), and where the page
 * shows its form.
 */
import { CORE_ACTIONS } from '../../shared/core-features/actions';
import { DATE, optionalText, text } from '../../shared/schema-primitives';
import { actionsOf, type ActionGroup, type KindAction } from '../kind-spec';
import { legalAidPayloadFromForm } from './form';
import { CLOSING_OUTCOMES, LEGAL_AID_ACTION_LABELS, MEANS_GROUNDS, PROCEEDING_LABELS, type LegalAidAction } from './model';

const FEN = { type: 'integer', minimum: 0, maximum: 10_000_000_000 } as const;
const POSITIVE_FEN = { type: 'integer', minimum: 1, maximum: 10_000_000_000 } as const;
const PARTY_NO = { type: 'integer', minimum: 1, maximum: 1000 } as const;
const lines = (max: number, len: number) => ({ type: 'array', minItems: 1, maxItems: max, items: text(len) }) as const;

export const legalAidActionBodies = {
  recordMeansTest: { required: ['ground'], properties: { ground: { type: 'string', enum: Object.keys(MEANS_GROUNDS) }, passed: { type: 'boolean' }, note: optionalText(500) } },
  grantAid: { properties: { overrideReason: optionalText(500) } },
  refuseAid: { required: ['reason'], properties: { reason: text(500) } },
  completeWorker: { required: ['partyNo', 'idNumber'], properties: { partyNo: PARTY_NO, idNumber: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' }, phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' } } },
  assignLawyer: { required: ['lawyerUserId'], properties: { lawyerUserId: { type: 'integer', minimum: 1, maximum: 2_147_483_647 }, overrideReason: optionalText(500) } },
  acceptAssignment: { properties: {} },
  declineAssignment: { required: ['reason'], properties: { reason: text(500) } },
  recordEvidence: {
    required: ['items'],
    properties: {
      items: {
        type: 'array', minItems: 1, maxItems: 100,
        items: {
          type: 'object', additionalProperties: false, required: ['name', 'holder', 'status'],
          properties: { name: text(100), holder: { type: 'string', enum: ['worker', 'employer'] }, status: { type: 'string', enum: ['held', 'requested', 'produced', 'missing'] } },
        },
      },
    },
  },
  recordSettlement: { required: ['result', 'note'], properties: { result: { type: 'string', enum: ['settled', 'failed'] }, amountFen: FEN, note: text(1000) } },
  requestSupport: { required: ['reasons'], properties: { reasons: text(1000) } },
  decideSupport: { required: ['support', 'reason'], properties: { support: { type: 'boolean' }, letterNo: optionalText(60), reason: text(1000) } },
  fileProceeding: {
    required: ['type', 'institution', 'filedOn', 'claimedFen', 'requests', 'facts'],
    properties: {
      type: { type: 'string', enum: Object.keys(PROCEEDING_LABELS) }, institution: text(60), filedOn: DATE, claimedFen: POSITIVE_FEN,
      requests: lines(20, 300), facts: text(4000),
    },
  },
  recordAcceptance: { required: ['externalNo', 'acceptedOn'], properties: { externalNo: text(60), acceptedOn: DATE } },
  extendAward: { required: ['reason'], properties: { reason: text(500) } },
  recordResult: {
    required: ['kind', 'decidedOn', 'servedOn', 'awardedFen', 'summary'],
    properties: {
      kind: { type: 'string', enum: ['award', 'judgment', 'ruling', 'mediation', 'withdrawn'] }, decidedOn: DATE, servedOn: DATE,
      awardedFen: FEN, summary: text(1000), final: { type: 'boolean' },
    },
  },
  acceptResult: { properties: { note: optionalText(500) } },
  setInstallments: {
    required: ['debtorPartyNos', 'installments'],
    properties: {
      debtorPartyNos: { type: 'array', minItems: 1, maxItems: 10, items: PARTY_NO },
      installments: {
        type: 'array', minItems: 1, maxItems: 60,
        items: { type: 'object', additionalProperties: false, required: ['dueDate', 'amountFen'], properties: { dueDate: DATE, amountFen: POSITIVE_FEN } },
      },
    },
  },
  recordReceipt: { required: ['debtorPartyNo', 'amountFen', 'paidOn'], properties: { debtorPartyNo: PARTY_NO, amountFen: POSITIVE_FEN, paidOn: DATE } },
  recordDelegatedResult: {
    required: ['result'],
    properties: { result: { type: 'string', enum: ['agreed', 'failed'] }, totalFen: FEN, payment: optionalText(300), reasons: { type: 'array', maxItems: 20, items: text(300) } },
  },
  closeCase: { required: ['outcome', 'note'], properties: { outcome: { type: 'string', enum: [...CLOSING_OUTCOMES] }, note: text(1000) } },
} as const;

export type OwnLegalAidAction = keyof typeof legalAidActionBodies;
export type LegalAidStaffAction = OwnLegalAidAction | 'confirmReceipt';
export const LEGAL_AID_STAFF_ACTIONS = [...Object.keys(legalAidActionBodies), 'confirmReceipt'] as LegalAidStaffAction[];

/** Where the page shows each form: the step the process needs first, the irreversible decisions apart. */
export const LEGAL_AID_ACTION_GROUPS: Record<LegalAidStaffAction, ActionGroup> = {
  recordMeansTest: 'main', grantAid: 'main', assignLawyer: 'main', acceptAssignment: 'main', confirmReceipt: 'main',
  decideSupport: 'main', recordAcceptance: 'main', recordResult: 'main', fileProceeding: 'main', recordReceipt: 'main',
  recordDelegatedResult: 'main', recordEvidence: 'main', recordSettlement: 'main', acceptResult: 'main',
  requestSupport: 'other', extendAward: 'other', setInstallments: 'other', completeWorker: 'other',
  refuseAid: 'irreversible', declineAssignment: 'irreversible', closeCase: 'irreversible',
};

export const legalAidActions: Record<LegalAidStaffAction, KindAction> = actionsOf(LEGAL_AID_STAFF_ACTIONS, (name) => (name === 'confirmReceipt'
  ? { ...CORE_ACTIONS.confirmReceipt, label: LEGAL_AID_ACTION_LABELS[name], group: LEGAL_AID_ACTION_GROUPS[name] }
  : { label: LEGAL_AID_ACTION_LABELS[name as LegalAidAction], body: legalAidActionBodies[name], group: LEGAL_AID_ACTION_GROUPS[name], form: (body) => legalAidPayloadFromForm(name, body) }));
