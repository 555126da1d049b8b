/**
 * The case finder's routes as the fuzzer sends them (as district staff, who may use them all). The saved filter's
 * template names a street of no district, which no defect touches, so every request is refused and nothing is saved; the
 * ids of the delete routes are of no kind the fuzzer knows (junk, refused, or a filter that does not exist: 404).
 */
import { savedFilterBody } from '../../../api/schemas/case-finder';
import { CASE_KINDS } from '../../../workflows/kinds';
import { fieldsOf, type Recipe } from './recipe';

const FILTER = { name: '模糊测试', street: 's-nowhere', kind: CASE_KINDS[0].kind, overdue: 'yes', from: '2025-01-01', to: '2025-12-31' };

export function caseFinderRecipes(): Record<string, Recipe> {
  const get: Recipe = { audience: 'staff', runs: 12 };
  // Only the name is broken: the street of no district stays in every request (a blanked street would be a filter
  // not set on the page, which is valid, and the filter would be saved).
  const fields = fieldsOf({ required: ['name'], properties: { name: savedFilterBody.properties.name } });
  return {
    'GET /staff/cases': get, 'GET /staff/cases.csv': get, 'GET /api/v1/cases': get, 'GET /api/v1/case-filters': { audience: 'staff', runs: 8 },
    'POST /staff/case-filters': { audience: 'staff', enc: 'form', runs: 20, templates: [{ body: FILTER }], fields },
    'POST /staff/case-filters/:id/delete': { audience: 'staff', enc: 'form', runs: 10 },
    'POST /api/v1/case-filters': { audience: 'staff', enc: 'json', closed: true, runs: 25, templates: [{ body: FILTER }], fields },
    'DELETE /api/v1/case-filters/:id': { audience: 'staff', enc: 'json', runs: 10 },
  };
}
