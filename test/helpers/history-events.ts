/** Reading a workflow's Temporal history in tests: its events, their type names and times. */
import type { WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';

export const EventType = proto.temporal.api.enums.v1.EventType;
export type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

export function eventTypeName(e: HistoryEvent): string {
  return String(EventType[e.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
}

export function eventTimeMs(e: HistoryEvent): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

export function durationMs(d: proto.google.protobuf.IDuration | null | undefined): number {
  return Number(d?.seconds ?? 0) * 1000 + Math.floor((d?.nanos ?? 0) / 1e6);
}

export async function historyEvents(handle: WorkflowHandle): Promise<HistoryEvent[]> {
  return (await handle.fetchHistory()).events ?? [];
}
