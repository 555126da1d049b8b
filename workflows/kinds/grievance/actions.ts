/**
 * The grievance's staff commands as the API and the pages take them: each payload's JSON schema, how the case page's
 * form reads into it, and where the page shows its form. The rules (workflows/kinds/grievance/rules.ts) decide when.
 */
import { blankToUndefined, formError, yuanToFen, type FormBody } from '../../shared/present/form-values';
import { CORE_ACTIONS, type CoreActionName } from '../../shared/core-features/actions';
import { optionalText, PHONE_PATTERN, text } from '../../shared/schema-primitives';
import { actionsOf, type ActionGroup } from '../kind-spec';
import { ACTION_LABELS, OUTCOME_LABELS, type ActionPayloads } from './model';

const note = { required: ['note'], properties: { note: text(2000) } } as const;
const reason = (max: number) => ({ required: ['reason'], properties: { reason: text(max) } }) as const;

/** Staff actions: the payload of each command (model.ts ActionPayloads). */
export const actionBodies = {
  contactComplainant: note,
  verifyWithEnterprise: note,
  urgeMediation: note,
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
  recordFollowUp: note,
  reviewRating: note,
  handUp: reason(2000),
  openCoordination: CORE_ACTIONS.openCoordination.body,
  completeCoordination: CORE_ACTIONS.completeCoordination.body,
  withdraw: reason(500),
  takeOver: CORE_ACTIONS.takeOver.body,
  notifyEnterpriseNow: reason(500),
} as const;

export type StaffActionName = keyof typeof actionBodies;
export const STAFF_ACTIONS = Object.keys(actionBodies) as StaffActionName[];

/** The grievance's own commands; take-over and coordination are the core's (their forms are CORE_ACTIONS'). */
type OwnAction = Exclude<StaffActionName, CoreActionName>;

/** A staff action posted from the case page: form text → the command's payload. */
export function payloadFromForm(action: OwnAction, raw: FormBody): ActionPayloads[OwnAction] {
  const f = blankToUndefined(raw ?? {}) as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(f)) if (typeof v !== 'string') throw formError(`字段“${k}”格式不正确`);
  switch (action) {
    case 'recordOutcome': {
      const recoveredFen = f.recoveredYuan === undefined ? undefined : yuanToFen(f.recoveredYuan);
      if (f.recoveredYuan !== undefined && recoveredFen === undefined) throw formError('追回金额格式不正确（元，最多两位小数）');
      return {
        outcome: f.outcome as never, recoveredFen, explanation: f.explanation, note: f.note,
        employerRepresentative: f.employerRepresentative, employerPhone: f.employerPhone, employerAddress: f.employerAddress,
      };
    }
    case 'handUp': case 'withdraw': case 'notifyEnterpriseNow': return { reason: f.reason ?? '' };
    default: return { note: f.note ?? '' };
  }
}

const GROUPS: Record<StaffActionName, ActionGroup> = {
  contactComplainant: 'main', verifyWithEnterprise: 'main', urgeMediation: 'main', recordOutcome: 'main', recordFollowUp: 'main', reviewRating: 'main',
  openCoordination: 'other', completeCoordination: 'other',
  handUp: 'irreversible', withdraw: 'irreversible', takeOver: 'irreversible', notifyEnterpriseNow: 'irreversible',
};

const isCore = (name: StaffActionName): name is StaffActionName & CoreActionName => Object.hasOwn(CORE_ACTIONS, name);

/** The core's own commands keep their core entry (the registry lets kinds share only those). */
export const grievanceActions = actionsOf(STAFF_ACTIONS, (name) => (isCore(name)
  ? { ...CORE_ACTIONS[name], group: GROUPS[name] }
  : { label: ACTION_LABELS[name], body: actionBodies[name], group: GROUPS[name], form: (body: FormBody) => payloadFromForm(name, body) }));
