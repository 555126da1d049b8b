/**
 * The wage plan's routes as the fuzzer sends them: rows naming an enterprise no district has, and a plan row that does
 * not exist, so that a request let through still writes nothing (the whole list is checked before any row is).
 */
import { fieldsOf, type Recipe } from './recipe';

const ROW = { enterprise: '不存在的公司', plannedStart: '2030-01-01' };

export function wagePlanRecipes(): Record<string, Recipe> {
  return {
    'GET /staff/wage-plan': { audience: 'staff', runs: 8, unknownParamIsFine: true },
    'POST /staff/wage-plan': { audience: 'staff', enc: 'form', runs: 20, templates: [{ body: { year: '2030', ...ROW } }] },
    'POST /staff/wage-plan/open': { audience: 'staff', enc: 'form', runs: 12, templates: [{ body: { year: '2030', planId: '999999' } }] },
    'GET /api/v1/wage-plans': { audience: 'staff', runs: 10 },
    'PUT /api/v1/wage-plans': {
      audience: 'staff', enc: 'json', closed: true, runs: 25, templates: [{ body: { year: 2030, rows: [ROW] } }],
      fields: fieldsOf({ required: ['year', 'rows'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } }),
    },
    'POST /api/v1/wage-plans/csv': { audience: 'staff', runs: 10 },
    'POST /api/v1/wage-plans/:planId/open': { audience: 'staff', runs: 10 },
  };
}
