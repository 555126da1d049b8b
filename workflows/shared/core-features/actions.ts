/**
 * The commands of the core's features, for any kind's action table: take-over, coordination with partner departments,
 * claiming a pooled task, confirming a document's receipt. A kind that uses one puts the core's entry in its action table (its own label and group at
 * most); the registry lets two kinds share these names and no others, and checks they carry the core's payload.
 */
import type { KindAction } from '../../kinds/kind-spec';
import { blankToUndefined, formError, type FormBody } from '../present/form-values';
import { optionalText, text } from '../schema-primitives';
import { CLAIM_LABEL } from './claim';
import { COORDINATION_LABELS, PARTNER_DEPARTMENTS } from './coordination';
import { TAKE_OVER_LABEL } from './take-over';

/** The form's text fields, each one value (a repeated field is refused). */
function fields(raw: FormBody): Record<string, string | undefined> {
  const f = blankToUndefined(raw ?? {});
  for (const [k, v] of Object.entries(f)) if (typeof v !== 'string') throw formError(`字段“${k}”格式不正确`);
  return f as Record<string, string | undefined>;
}

const TASK_ID = optionalText(200);

export const CORE_ACTIONS = {
  takeOver: {
    label: TAKE_OVER_LABEL, group: 'irreversible',
    body: { required: ['reason'], properties: { reason: text(500) } },
    form: (b) => ({ reason: fields(b).reason ?? '' }),
  },
  openCoordination: {
    label: COORDINATION_LABELS.openCoordination, group: 'other',
    body: { required: ['department', 'note'], properties: { department: { type: 'string', enum: [...PARTNER_DEPARTMENTS] }, note: text(2000) } },
    form: (b) => { const f = fields(b); return { department: f.department ?? '', note: f.note ?? '' }; },
  },
  completeCoordination: {
    label: COORDINATION_LABELS.completeCoordination, group: 'other',
    body: { required: ['taskId', 'note'], properties: { taskId: TASK_ID, note: text(2000) } },
    form: (b) => { const f = fields(b); return { taskId: f.taskId ?? '', note: f.note ?? '' }; },
  },
  /** the documents inbox sends it to a case of any kind: the clerk of the institution addressed confirms receipt */
  confirmReceipt: {
    label: '确认收到文书', group: 'main',
    body: { required: ['documentId'], properties: { documentId: { type: 'integer', minimum: 1 } } },
    form: (b) => {
      const raw = fields(b).documentId ?? '';
      if (!/^[1-9][0-9]{0,12}$/.test(raw)) throw formError('请选择文书');
      return { documentId: Number(raw) };
    },
  },
  claimTask: {
    label: CLAIM_LABEL, group: 'main',
    body: { required: ['taskId'], properties: { taskId: TASK_ID } },
    form: (b) => ({ taskId: fields(b).taskId ?? '' }),
  },
} satisfies Record<string, KindAction>;

export type CoreActionName = keyof typeof CORE_ACTIONS;
export const CORE_ACTION_NAMES = Object.keys(CORE_ACTIONS) as CoreActionName[];
