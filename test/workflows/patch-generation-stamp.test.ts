/**
 * A case the API starts carries the patch generation it knew (workflows/shared/patch-generation.ts): it then records
 * no generation marker and no search-attribute upsert, replays from its start event alone, waits for an upgraded
 * worker when stamped newer than the worker knows, and still replays when a worker from before stamps ran it first.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { workflowCode } from '../../worker';
import { grievanceViewQuery } from '../../workflows/shared/definitions';
import { NEWEST_PATCH_GENERATION } from '../../workflows/shared/patch-generation';
import { grievanceInput } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const EventType = proto.temporal.api.enums.v1.EventType;
const taskQueue = 'patch-generation-stamp';
const ctx = useRecordingWorker(taskQueue);

async function startGrievance(patchGeneration?: number) {
  const input = { ...grievanceInput(), ...(patchGeneration === undefined ? {} : { patchGeneration }) };
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  return { input, handle };
}

/** The patch markers of a history, by the patch each names (core writes their details in clear). */
function patchMarkers(history: proto.temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
    .map((e) => (defaultPayloadConverter.fromPayload(e.markerRecordedEventAttributes!.details!['patch-data'].payloads![0]) as { id: string }).id);
}

const replay = async (history: proto.temporal.api.history.v1.IHistory, workflowId: string) =>
  Worker.runReplayHistory({ ...(await workflowCode()), dataConverter: gongqingDataConverter() }, history, workflowId);

describe('a case stamped with its patch generation', () => {
  it('records no marker and no upsert, takes the newest patches, and replays', async () => {
    const { input, handle } = await startGrievance(NEWEST_PATCH_GENERATION);
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const history = await handle.fetchHistory();
    expect(patchMarkers(history)).toEqual([]);
    expect(history.events!.filter((e) => e.eventType === EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)).toEqual([]);
    // The newest generation's patch: the case row and the intake texts in one local activity.
    const localActivities = history.events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
      .map((e) => JSON.parse(Buffer.from(e.markerRecordedEventAttributes!.details!['data'].payloads![0].data!).toString()).activity_type);
    expect(localActivities[0]).toBe('persistThenFanOut');
    expect(ctx.rec.smsOf(input.caseNo).length).toBeGreaterThan(0);
    await replay(history, handle.workflowId);
  });

  it('asks a patch newer than its stamp by its own marker', async () => {
    const { handle } = await startGrievance(1);
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const history = await handle.fetchHistory();
    expect(patchMarkers(history)).toEqual(['intake-fan-out-with-case-row']);
    await replay(history, handle.workflowId);
  });

  it('fails its workflow task, and writes nothing, when stamped newer than the worker knows', async () => {
    const { input, handle } = await startGrievance(NEWEST_PATCH_GENERATION + 1);
    await eventually(async () => (await handle.fetchHistory()).events!.some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED));
    expect(ctx.rec.eventsOf(input.caseNo)).toEqual([]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate('test over');
  });

  it('replays as recorded when a worker from before stamps ran it first and recorded its generation marker', async () => {
    // What such a worker leaves: the generation's marker, under a start event that carries a stamp it did not read.
    const { handle } = await startGrievance();
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const history = await handle.fetchHistory();
    expect(patchMarkers(history)).toEqual(['patches-until-2026-12-09']);
    const [codec] = gongqingDataConverter().payloadCodecs!;
    const started = history.events![0].workflowExecutionStartedEventAttributes!;
    const [clear] = await codec.decode([started.input!.payloads![0]]);
    const stamped = { ...(defaultPayloadConverter.fromPayload(clear) as object), patchGeneration: NEWEST_PATCH_GENERATION };
    started.input!.payloads = await codec.encode([defaultPayloadConverter.toPayload(stamped)]);
    await replay(history, handle.workflowId);
  });
});
