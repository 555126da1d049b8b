/** The follow-up's one message from outside: someone records it as done (the API sends it, the workflow closes the row). */
import { defineSignal } from '@temporalio/workflow';

export interface FollowUpDone {
  by: string;
  note: string;
}
export const followUpDoneSignal = defineSignal<[FollowUpDone]>('riskFollowUpDone');
