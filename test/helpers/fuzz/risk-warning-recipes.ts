/**
 * The early warning's routes as the fuzzer sends them (as district staff, who may use them all). The follow-up's key
 * in the path is of no kind the fuzzer knows, so it always goes as junk and is refused by its pattern (400): no
 * generated request closes a follow-up.
 */
import { followUpDoneBody } from '../../../api/schemas/risk-warning';
import { fieldsOf, type Recipe } from './recipe';

export function riskWarningRecipes(): Record<string, Recipe> {
  const get: Recipe = { audience: 'staff', runs: 8 };
  const done = (enc: 'json' | 'form'): Recipe => ({
    audience: 'staff', enc, closed: enc === 'json', runs: 20, templates: [{ body: { note: '模糊测试：已走访' } }], fields: fieldsOf(followUpDoneBody),
  });
  return {
    'GET /staff/risk-warning': get, 'GET /api/v1/risk-warnings': get,
    // each chart is drawn (about a second of CPU): fewer runs
    'GET /staff/risk-warning/chart.png': { audience: 'staff', runs: 4 },
    'POST /staff/risk-warning/follow-ups/:followupId/done': done('form'),
    'POST /api/v1/risk-warnings/follow-ups/:followupId/done': done('json'),
  };
}
