/**
 * A worker split off to a case of their own (issue 21): a new mediation case for them alone, against the same
 * employer, linked to this one as its child. It mediates on its own or,
 * when the worker wants arbitration, transfers at once; this case goes on without them and does not wait for it.
 */
import { ParentClosePolicy, startChild, uuid4 } from '@temporalio/workflow';
import { nowIso } from '../shared/case-host';
import type { MediationCommand, MediationInput } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';
import type { mediationArbitration } from '../mediation-arbitration';

/** A number of the kind's shape (MA and ten characters), from the workflow's own deterministic randomness. */
export function splitCaseNo(): string {
  return `MA${uuid4().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

export async function startSplitCase(input: MediationInput, s: MediationState, cmd: Extract<MediationCommand, { action: 'splitOffWorker' }>): Promise<void> {
  const worker = s.departed!.find((d) => d.way === 'split_off' && d.partyNo === cmd.payload.partyNo)!;
  const { way: _w, reason: _r, at: _a, newCaseNo, settled: _s, recoveredFen: _f, ...party } = worker;
  const child: MediationInput = {
    caseNo: newCaseNo!,
    intake: {
      ...input.intake, parentCaseNo: input.caseNo, referralNo: null, directToArbitration: cmd.payload.next === 'arbitration',
      // mediated on its own, it is the worker's application anew, with 15 days of its own (this case's may be spent)
      appliedAt: cmd.payload.next === 'mediation' ? nowIso() : input.intake.appliedAt,
      splitFrom: { reason: cmd.payload.reason }, employer: s.employer, workers: [{ ...party, partyNo: 2 }], filedBy: cmd.actor,
    },
    policy: input.policy,
  };
  await startChild<typeof mediationArbitration>('mediationArbitration', {
    workflowId: `mediation-${child.caseNo}`, args: [child], parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
