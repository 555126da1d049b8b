/** The body of a bulk reassignment (issue 23): the JSON API's, and the page form's once its fields are read. */
import { CASE_NO_PATTERN } from '../../workflows/kinds';
import { MAX_CASES } from '../services/task-reassignment';

const USER_ID = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

export const reassignBody = {
  type: 'object', additionalProperties: false, required: ['to', 'reason'],
  properties: {
    to: { ...USER_ID, description: '接收待办的工作人员（用户编号），须与待办同一单位、同一岗位' },
    from: { ...USER_ID, description: '转出待办的工作人员（用户编号）；不填 cases 时转派其全部未办结案件的待办' },
    cases: { type: 'array', minItems: 1, maxItems: MAX_CASES, items: { type: 'string', pattern: CASE_NO_PATTERN }, description: `案件编号（至多${MAX_CASES}件）` },
    reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S', description: '转派理由（记入每件案件）' },
  },
} as const;
