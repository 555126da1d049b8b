/**
 * The negotiation index's routes as the fuzzer sends them (as district staff, who may use them all). Every template is
 * itself refused by a rule, so no generated request can save anything: a tree edit whose dimensions' weights sum to
 * 1.2, a value out of its range. The values routes' path parameters (enterprise, year) are of no kind the fuzzer
 * knows, so they always go as junk, and are refused (400, or 404 for an enterprise that does not exist).
 */
import { treeEditBody } from '../../../api/schemas/negotiation-index';
import { fieldsOf, type Recipe } from './recipe';

export function negotiationIndexRecipes(): Record<string, Recipe> {
  const get: Recipe = { audience: 'staff', runs: 8 };
  return {
    'GET /staff/negotiation-index': get, 'GET /staff/negotiation-index/scores.csv': get,
    // each chart is drawn (about a second of CPU): fewer runs
    'GET /staff/negotiation-index/chart.png': { audience: 'staff', runs: 4 },
    'GET /staff/negotiation-index/tree': get, 'GET /staff/negotiation-index/values': get,
    'POST /staff/negotiation-index/tree': { audience: 'staff', enc: 'form', runs: 20, templates: [{ body: { version: '1', 'weight:MZ': '0.5', note: '模糊测试' } }] },
    'POST /staff/negotiation-index/values': {
      audience: 'staff', enc: 'form', runs: 20, templates: [{ body: { enterpriseId: 'e-jingmi', year: '2026', 'v:MZ4.1': '150' } }],
    },
    'GET /api/v1/negotiation-index/tree': get, 'GET /api/v1/negotiation-index/scores': get,
    'PUT /api/v1/negotiation-index/tree': {
      audience: 'staff', enc: 'json', closed: true, runs: 30, templates: [{ body: { version: 1, note: '模糊测试', nodes: [{ code: 'MZ', weight: 0.5 }] } }],
      fields: fieldsOf({ required: ['version', 'nodes'], properties: { version: treeEditBody.properties.version, note: treeEditBody.properties.note } }),
    },
    'GET /api/v1/negotiation-index/values/:enterpriseId/:year': { audience: 'staff', runs: 12 },
    'PUT /api/v1/negotiation-index/values/:enterpriseId/:year': {
      audience: 'staff', enc: 'json', closed: true, runs: 20, templates: [{ body: { values: { 'MZ4.1': 150 } } }],
    },
  };
}
