/**
 * Bulk reassignment's routes as the fuzzer sends them (as district staff, who may use them). The template names a new
 * holder who does not exist, which no defect touches, so every request is refused and no case is sent a command.
 */
import { reassignBody } from '../../../api/schemas/task-reassignment';
import { fieldsOf, type Recipe } from './recipe';

const BODY = { to: 2_147_483_647, reason: '模糊测试：原承办人休假', cases: ['GQ0000000001'] };

export function taskReassignmentRecipes(): Record<string, Recipe> {
  const fields = fieldsOf({ required: ['reason'], properties: { reason: reassignBody.properties.reason, cases: reassignBody.properties.cases } });
  return {
    'POST /staff/task-reassignments': { audience: 'staff', enc: 'form', runs: 15, templates: [{ body: { ...BODY, to: String(BODY.to), cases: BODY.cases[0] } }], fields },
    'POST /api/v1/task-reassignments': { audience: 'staff', enc: 'json', closed: true, runs: 20, templates: [{ body: BODY }], fields },
  };
}
