/**
 * By default the workflow sandbox evaluates every module a workflow imports anew for each workflow run, so what the
 * workflows import was paid for on every case started or replayed; since issue 24 the worker shares them per thread
 * (worker.ts, preloadModules), and what they import still weighs on every worker, replayer and test that loads them.
 * The registry's API side (payload schemas with the 6 KB readable-text pattern, built in about 50 ms; forms, page
 * models, account words) once slipped into the bundle and held intake to 3.9 cases/s with the worker at 100 % of a
 * core. The workflows run on each kind's messages and rules alone (workflows/kinds/<kind>/messages.ts).
 */
import { bundleWorkflowCode } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../worker';

const quiet = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

describe('the workflow bundle', () => {
  it('holds the kinds\u2019 messages and rules, not the registry\u2019s schemas, forms, pages or account words', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet as never });
    for (const module of ['kinds/grievance/messages', 'kinds/mediation/messages', 'kinds/mediation/rules']) expect(code, module).toContain(module);
    for (const module of [
      'shared/readable-pattern', 'shared/schema-primitives', 'kinds/index', 'kinds/grievance/kind', 'kinds/grievance/actions',
      'kinds/mediation/actions', 'kinds/mediation/page', 'kinds/grievance/account', 'shared/core-features/actions',
    ]) expect(code, module).not.toContain(module);
  }, 60_000);
});
