/**
 * The figures' routes as the fuzzer sends them (as district staff, who may use them all). They only read: whatever is
 * generated changes nothing, and a query that does not validate must be refused (400).
 */
import type { Recipe } from './recipe';

export function figuresRecipes(): Record<string, Recipe> {
  const get: Recipe = { audience: 'staff', runs: 8 };
  // each chart is drawn (about a second of CPU): fewer runs
  const chart: Recipe = { audience: 'staff', runs: 3 };
  return {
    'GET /staff/figures': get, 'GET /staff/figures.csv': get, 'GET /staff/figures/chart.png': chart, 'GET /api/v1/figures/four-haves': get,
    'GET /staff/station-figures': get, 'GET /staff/station-figures.csv': get, 'GET /staff/station-figures/chart.png': chart, 'GET /api/v1/figures/station': get,
  };
}
