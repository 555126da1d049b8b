/** What every kind's live view has in common: the API, the inbox and the history page read these fields of any case. */
import type { TaskSpec } from '../../activities/types';

/** An open task as the live view shows it: what was persisted, plus how far up the escalation ladder it went. */
export interface OpenTaskView extends TaskSpec {
  escalations: number;
}

export interface CaseViewBase {
  caseNo: string;
  stage: string;
  status: 'open' | 'closed';
  openTasks: OpenTaskView[];
  /** the case's units: who stands above a step's assignee */
  districtId: string;
  streetId: string;
  /** set by the API when the workflow has left Temporal's retention and this view was rebuilt from Postgres */
  archived?: boolean;
  /** partner departments asked and not yet answered (the core's coordination), for kinds that use it */
  openCoordination?: { taskId: string; department: string }[];
}

/**
 * A document the case made; addressedTo is the institution's unit it was sent to (null: kept by the case), or, with
 * addressedUserId, the unit of the one person it was sent to.
 */
export interface CaseDocumentRef {
  id: number;
  kind: string;
  title: string;
  version: number;
  sha256: string;
  addressedTo: string | null;
  /** set when the document was addressed to this person alone (a lawyer's 指派函) */
  addressedUserId?: number;
  received: boolean;
  /** who confirmed receipt, and when (ISO) */
  receivedBy?: string;
  receivedAt?: string;
}

