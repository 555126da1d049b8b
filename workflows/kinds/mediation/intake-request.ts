import type { WorkerParty } from './model';

/** A new case as the station's mediator or the institute's clerk sends it (the JSON API, the intake page). */
export interface MediationIntakeRequest {
  employer: { name: string; enterpriseId?: string; creditCode?: string; address: string; representative: string; representativePosition?: string; phone: string };
  workers: Omit<WorkerParty, 'partyNo'>[];
  dispute: string;
  facts?: string;
  streetId: string;
  appliedAt?: string;
  referralNo?: string;
  disputeArose?: string;
  employmentInDispute?: boolean;
  idempotencyKey?: string;
}
