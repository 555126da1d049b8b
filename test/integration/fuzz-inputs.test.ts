/**
 * Bad input, generated (issue 14): fast-check throws malformed bodies, path parameters, query strings, headers and
 * cookies at every route the running app has (System.routes, collected as the app registers them, so a route added
 * later is fuzzed without anyone remembering to). Each request starts from a valid one for its route and carries at
 * least one real defect, so that the answer must be a refusal: a 4xx with a zh-CN message (JSON `{error, message}`,
 * pages a role="alert" element), never a 5xx, a stack trace or an internal detail, and not one row written anywhere
 * (every table is fingerprinted after every request) nor one event added to a case's workflow history.
 *
 * GET, HEAD and OPTIONS carrying only junk query strings, headers or cookies may still answer 2xx/3xx (extra
 * parameters are ignored, a staff page redirects to the sign-in page): there only "no 5xx, no internals, a 4xx says
 * why in zh-CN, nothing written" is asserted.
 *
 * Every violation is collected (not just the first) and the test fails listing each kind once with an example; the
 * runs are seeded (FUZZ_SEED, per route), so a failure replays exactly. FUZZ_RUNS scales the number of runs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { build } from '../helpers/fuzz/build';
import { defectSurvives } from '../helpers/fuzz/field-defects';
import { judge } from '../helpers/fuzz/judge';
import { live } from '../helpers/fuzz/live';
import { recipeFor, recipes } from '../helpers/fuzz/recipes';
import { Violations } from '../helpers/fuzz/report';
import { BODYLESS, isApi, keyOf, recipeKeyOf, staffActionsLast } from '../helpers/fuzz/routes';
import { send } from '../helpers/fuzz/send';
import { fillLive, untilStill } from '../helpers/fuzz/setup';
import { diff, fingerprint, historyLengths, tablesOf, workflowStates } from '../helpers/fuzz/snapshot';
import { startSystem, type System } from '../helpers/system';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_314);
const RUNS_SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const MIN_REQUESTS = 1_000;

let sys: System;
let tables: string[] = [];
let baseline: Map<string, string>;
let histories: Record<string, number>;
const cases = () => [live.caseA, live.caseB];

beforeAll(async () => {
  const t0 = Date.now();
  sys = await startSystem('fuzz');
  await sys.startWorker();
  await fillLive(sys);
  expect(live.csrf.secret && live.csrf.token).toBeTruthy();

  tables = await tablesOf(sys);
  await untilStill(sys, tables);
  baseline = await fingerprint(sys, tables);
  histories = await historyLengths(sys, cases());
  if (process.env.FUZZ_DEBUG) console.log(`[fuzz] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}, 180_000);

afterAll(async () => {
  const t0 = Date.now();
  // A command wrongly accepted can leave a case's workflow stuck, and the request waiting for it would hold up the
  // server's close: end this file's two cases first.
  for (const c of cases().filter(Boolean)) await sys.temporal.workflow.getHandle(grievanceWorkflowId(c)).terminate('fuzz-inputs test done').catch(() => undefined);
  await sys?.stop();
  if (process.env.FUZZ_DEBUG) console.log(`[fuzz] stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
});

describe('generated malformed requests (issue 14)', () => {
  it('knows every route of the app', () => {
    const known = recipes();
    const missing = sys.routes.filter((r) => !known[recipeKeyOf(r)]).map(keyOf);
    expect(sys.routes.length).toBeGreaterThan(30);
    expect(tables).toEqual(expect.arrayContaining(['cases', 'case_events', 'tasks', 'sms_outbox', 'phone_codes', 'sessions', 'worker_sessions', 'worker_links', 'staff_users']));
    // A route without a recipe is still fuzzed (path, query, headers, cookies, unparsable bodies), but nothing checks
    // that its fields are validated: add it to recipes() with a valid request to start from.
    expect(missing, 'routes without a recipe in test/helpers/fuzz/recipes.ts').toEqual([]);
    for (const r of sys.routes) expect(r.access, `${keyOf(r)} declares no access`).toBeTruthy();
  });

  it('answers every malformed request with a zh-CN 4xx and writes nothing', async () => {
    const started = Date.now();
    const known = recipes();
    const violations = new Violations();
    const perRoute = new Map<string, number>();
    const statuses = new Map<number, number>();
    let total = 0;
    let fivexx = 0;
    let strictCount = 0;
    let skipped = 0;
    let unsent = 0;
    const timeouts = new Map<string, number>();
    /** junk-only requests answered 2xx/3xx, by method (and route, for those with a body): what the lenient rule let pass */
    const lenientOk = new Map<string, number>();

    for (const route of staffActionsLast(sys.routes)) {
      const key = keyOf(route);
      const recipe = recipeFor(route, known);
      const runs = Math.max(2, Math.round((route.method === 'HEAD' ? 4 : recipe.runs) * RUNS_SCALE));
      const seed = [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);
      await fc.assert(fc.asyncProperty(fc.gen(), async (g) => {
        const b = build(g, route, recipe);
        if ((timeouts.get(key) ?? 0) >= 2) { unsent += 1; return; }
        if (b.check && !(await defectSurvives(b.check, !isApi(route.url)))) { skipped += 1; fc.pre(false); }
        const a = await send(sys.baseUrl, b);
        if (a.error?.includes('timeout')) timeouts.set(key, (timeouts.get(key) ?? 0) + 1);
        total += 1;
        if (b.strict) strictCount += 1;
        perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        if (a.status >= 500) fivexx += 1;
        if (!b.strict && a.status < 400) {
          const k = BODYLESS.has(route.method) ? `${route.method} ${a.status}` : `${key} ${a.status}`;
          lenientOk.set(k, (lenientOk.get(k) ?? 0) + 1);
        }
        const problems = judge(route, b, a);
        if (problems.length) violations.record(key, problems, b, a);
        const now = await fingerprint(sys, tables);
        const changed = diff(baseline, now);
        if (changed.length) {
          violations.record(key, ['wrote rows'], b, a, changed.join('; '));
          baseline = now;
        }
      }), { seed, numRuns: runs, endOnFailure: true });
      if (process.env.FUZZ_DEBUG) console.log(`[fuzz] ${key}: ${perRoute.get(key)} requests, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    // An accepted signal or update may be persisted a moment later: look once more, and at the workflows' histories.
    await new Promise((r) => setTimeout(r, 1_500));
    const late = diff(baseline, await fingerprint(sys, tables));
    const after = await historyLengths(sys, cases());
    if (process.env.FUZZ_DEBUG) for (const line of await workflowStates(sys, cases())) console.log(line);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const routes = new Set(sys.routes.map(keyOf)).size;
    const heads = sys.routes.filter((r) => r.method === 'HEAD').length;
    console.log(`[fuzz] ${total} malformed requests at ${routes} routes: ${fivexx} answered 5xx (${heads} of the routes are GETs' HEAD twins; ${strictCount} requests had to be refused, the rest carried junk only where a 2xx/3xx may be right; ${skipped} generated ones the server would have tidied into valid requests were not sent; ${seconds} s, seed ${SEED})`);
    if (process.env.FUZZ_DEBUG) console.log(`[fuzz] junk-only requests answered 2xx/3xx: ${[...lenientOk].map(([k, n]) => `${k}×${n}`).join(', ')}`);
    if (unsent) console.log(`[fuzz] ${unsent} requests not sent: their routes had stopped answering (${[...timeouts.keys()].join(', ')})`);
    console.log(`[fuzz] statuses: ${[...statuses].sort((x, y) => x[0] - y[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);

    const report = violations.report();
    if (violations.size) console.log(`[fuzz] ${violations.size} kinds of violation:\n${report}`);
    expect(total).toBeGreaterThanOrEqual(MIN_REQUESTS * Math.min(1, RUNS_SCALE));
    for (const r of sys.routes) expect(perRoute.get(keyOf(r)) ?? 0, `${keyOf(r)} was not fuzzed`).toBeGreaterThanOrEqual(2);
    const moved = Object.keys(histories).filter((c) => after[c] !== histories[c]).map((c) => `case ${c}: workflow history ${histories[c]} → ${after[c]} events`);
    const all = [
      ...(late.length ? [`✗ rows written after the last request (a late signal or update): ${late.join('; ')}`] : []),
      ...(moved.length ? [`✗ commands reached the cases' workflows: ${moved.join('; ')}`] : []),
      ...(report ? [report] : []),
    ];
    expect(all.length, `malformed requests not refused as they should be (seed ${SEED}):\n\n${all.join('\n\n')}`).toBe(0);
  }, 170_000);
});
