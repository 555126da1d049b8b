/**
 * The wage round's staff commands as the API and the pages take them: each payload's JSON schema (shapes only; what
 * depends on the round is the rules' word), how the page's form reads into it, and where the page shows its form.
 * Clauses are typed one a line, "名称：内容".
 */
import { CORE_ACTIONS } from '../../shared/core-features/actions';
import { formError, oneField, type FormBody } from '../../shared/present/form-values';
import { DATE, PHONE, optionalText, text } from '../../shared/schema-primitives';
import { actionsOf, type ActionGroup, type KindAction } from '../kind-spec';
import { SERVICE_LABELS, WAGE_ACTION_LABELS, type WageAction } from './model';

const COUNT = { type: 'integer', minimum: 0, maximum: 10_000 } as const;
const TASK_ID = optionalText(200);

export const wageActionBodies = {
  requestNegotiation: { required: ['from', 'sentOn'], properties: { from: { type: 'string', enum: ['union', 'employer'] }, sentOn: DATE, note: optionalText(1000) } },
  recordAnswer: { required: ['agreed', 'answeredOn'], properties: { agreed: { type: 'boolean' }, answeredOn: DATE, note: optionalText(1000) } },
  makeOffer: {
    required: ['side', 'clauses'],
    properties: {
      side: { type: 'string', enum: ['union', 'employer'] },
      clauses: {
        type: 'array', minItems: 1, maxItems: 30,
        items: { type: 'object', additionalProperties: false, required: ['item', 'terms'], properties: { item: text(60), terms: text(500) } },
      },
      note: optionalText(1000),
    },
  },
  reachAgreement: { required: ['offerNo'], properties: { offerNo: { type: 'integer', minimum: 1, maximum: 1000 } } },
  recordCongressVote: {
    required: ['heldOn', 'representatives', 'present', 'inFavour'],
    properties: { heldOn: DATE, representatives: COUNT, present: COUNT, inFavour: COUNT },
  },
  recordSigning: { required: ['signedOn', 'unionSignatory', 'employerSignatory'], properties: { signedOn: DATE, unionSignatory: text(60), employerSignatory: text(60) } },
  fileWithHr: { required: ['filedOn'], properties: { filedOn: DATE } },
  recordHrObjection: { required: ['reason'], properties: { reason: text(2000) } },
  recordSupervision: { required: ['taskId', 'note'], properties: { taskId: TASK_ID, note: text(2000) } },
  requestService: {
    required: ['service', 'note'],
    properties: { service: { type: 'string', enum: Object.keys(SERVICE_LABELS) }, note: text(1000), applicantName: optionalText(30), applicantPhone: PHONE },
  },
  recordServiceDone: { required: ['requestNo', 'note'], properties: { requestNo: { type: 'integer', minimum: 1, maximum: 1000 }, note: text(1000) } },
  moderatePost: { required: ['postNo', 'reason'], properties: { postNo: { type: 'integer', minimum: 1, maximum: 1_000_000 }, reason: text(200) } },
  closeRound: { required: ['reason'], properties: { reason: text(1000) } },
} as const;

type OwnWageAction = keyof typeof wageActionBodies;
export type WageStaffAction = OwnWageAction | 'claimTask' | 'confirmReceipt';
const STAFF_ACTIONS = [...Object.keys(wageActionBodies), 'claimTask', 'confirmReceipt'] as WageStaffAction[];

const GROUPS: Record<WageStaffAction, ActionGroup> = {
  requestNegotiation: 'main', recordAnswer: 'main', makeOffer: 'main', reachAgreement: 'main', recordCongressVote: 'main',
  recordSigning: 'main', fileWithHr: 'main', recordSupervision: 'main', claimTask: 'main', confirmReceipt: 'main', recordServiceDone: 'main',
  requestService: 'other', moderatePost: 'other',
  recordHrObjection: 'irreversible', closeRound: 'irreversible',
};

const YES = new Set(['true', '是', 'yes', '1']);
const NO = new Set(['false', '否', 'no', '0']);

const one = oneField;

function clauses(textValue: string): { item: string; terms: string }[] {
  return textValue.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((line, i) => {
    const at = line.search(/[：:]/);
    if (at < 1 || at === line.length - 1) throw formError(`条款第${i + 1}行格式不正确（条款名称：内容，例如 计件奖励：签收率≥96%时每件奖励0.10–0.15元）`);
    return { item: line.slice(0, at).trim(), terms: line.slice(at + 1).trim() };
  });
}

/** The page's form → the payload, read field by field as the schema says. */
export function wagePayloadFromForm(action: OwnWageAction, body: FormBody): Record<string, unknown> {
  const schema = wageActionBodies[action] as { properties: Record<string, Record<string, any>> };
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema.properties)) {
    const v = one(body ?? {}, name);
    if (v === undefined) continue;
    if (name === 'clauses') out[name] = clauses(v);
    else if (s.type === 'boolean') {
      if (!YES.has(v) && !NO.has(v)) throw formError('请选择“是”或“否”');
      out[name] = YES.has(v);
    } else if (s.type === 'integer') {
      if (!/^[0-9]{1,9}$/.test(v)) throw formError('请填写整数');
      out[name] = Number(v);
    } else out[name] = v;
  }
  return out;
}

export const wageActions: Record<WageStaffAction, KindAction> = actionsOf(STAFF_ACTIONS, (name) => (name === 'claimTask' || name === 'confirmReceipt'
  ? { ...CORE_ACTIONS[name], label: WAGE_ACTION_LABELS[name], group: GROUPS[name] }
  : { label: WAGE_ACTION_LABELS[name as WageAction], body: wageActionBodies[name], group: GROUPS[name], form: (body) => wagePayloadFromForm(name, body) }));
