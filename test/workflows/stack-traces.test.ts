/**
 * The worker runs cases with stack traces of no frames (workflows/stack-traces-off.ts): the SDK's promise hook then
 * stops looking up a source-mapped stack for every promise. Set before the SDK freezes the realm; if an SDK upgrade
 * changed that order, the hook would quietly cost a third of the workflow thread again, and this test fails instead.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { grievanceViewQuery } from '../../workflows/shared/definitions';
import { preloadedModules, workflowsPath } from '../../worker';
import { grievanceInput } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const taskQueue = `gq-test-stack-traces-${randomBytes(4).toString('hex')}`;
const ctx = useRecordingWorker(taskQueue);
const asked = process.env.GONGQING_WORKFLOW_STACK_TRACES;

afterEach(() => {
  if (asked === undefined) delete process.env.GONGQING_WORKFLOW_STACK_TRACES;
  else process.env.GONGQING_WORKFLOW_STACK_TRACES = asked;
});

describe('stack traces of running cases', () => {
  it('hold no frames, and the case runs as ever', async () => {
    const input = grievanceInput();
    const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'intake-notice').length === 5);
    // With the SDK's defaults this names where the case waits (grievance.ts, the workflow package's files).
    const trace = await handle.query<string>('__stack_trace');
    expect(trace).not.toMatch(/\bat\b/);
    expect(trace).not.toContain('grievance');
    // This worker runs in the test's process, without the workflow threads' preload: the SDK's promise hook filed stacks
    // (test/integration/workflow-threads.test.ts shows a worker started as the scripts start it answers with none).
    expect(trace).not.toBe('');
  }, 60_000);

  it('come back for a worker started with GONGQING_WORKFLOW_STACK_TRACES=1', () => {
    delete process.env.GONGQING_WORKFLOW_STACK_TRACES;
    expect(preloadedModules()).toHaveLength(2);
    expect(preloadedModules().at(-1)).toBe(workflowsPath);
    process.env.GONGQING_WORKFLOW_STACK_TRACES = '1';
    expect(preloadedModules()).toEqual([workflowsPath]);
  });
});
