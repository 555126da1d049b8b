/**
 * An update the server refused because the worker never answered it is sent again; any other refusal is the case's
 * answer and goes back at once. The errors are built the way @temporalio/client builds them (the outer message is only
 * "Workflow Update failed"; the type is on the cause), which a check on the outer message had missed.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { untilProcessed, wasUnprocessed } from '../../api/services/unprocessed-update';

const unprocessed = () => new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({
  type: 'UnprocessedUpdate', nonRetryable: true,
  message: "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
}));
const refused = () => new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({
  type: 'ActionNotAllowed', nonRetryable: true, message: '已向税务局发起协调，尚未办结，请勿重复发起',
}));

describe('an update the worker never saw', () => {
  it('is recognised by the type on its cause, not by any message', () => {
    expect(wasUnprocessed(unprocessed())).toBe(true);
    expect(wasUnprocessed(refused())).toBe(false);
    expect(wasUnprocessed(new Error("wasn't processed by worker"))).toBe(false);
  });

  it('is sent again until the case answers, and the answer is what the caller gets', async () => {
    const answers: (() => Promise<string>)[] = [
      () => Promise.reject(unprocessed()), () => Promise.reject(unprocessed()), () => Promise.resolve('applied'),
    ];
    let sent = 0;
    await expect(untilProcessed(() => answers[sent++]!())).resolves.toBe('applied');
    expect(sent).toBe(3);
  });

  it('gives a refusal by the case back at once, without sending it again', async () => {
    let sent = 0;
    const err = await untilProcessed(() => { sent++; return Promise.reject(refused()); }).catch((e: unknown) => e);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ActionNotAllowed' });
    expect(sent).toBe(1);
  });

  it('gives up after six sends and passes the last refusal on', async () => {
    let sent = 0;
    const err = await untilProcessed(() => { sent++; return Promise.reject(unprocessed()); }).catch((e: unknown) => e);
    expect(wasUnprocessed(err)).toBe(true);
    expect(sent).toBe(6);
  });
});
