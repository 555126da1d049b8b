import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findStreet } from '../../db/queries/organisation';
import type { Database } from '../../db/schema';
import { defaultGrievancePolicy, defaultMediationPolicy } from '../../temporal.config';
import type { GrievanceInput, GrievanceIntakeRequest } from '../../workflows/kinds/grievance/model';
import type { Actor } from '../../workflows/shared/roles';
import { badRequest } from '../errors';
import { caseNumberFor } from './case-number';
import { enterpriseRouting } from './enterprise-routing';
import { startCase } from './start-case';

export type { GrievanceIntakeRequest as IntakeRequest };

/** Where the case belongs: a known enterprise (and so its street), or a typed name with the street it is in. */
export async function routeIntake(db: Kysely<Database>, req: GrievanceIntakeRequest) {
  if (req.enterpriseId) {
    // The enterprise and where it is: one query, remembered for a minute (enterprise-routing.ts).
    const e = await enterpriseRouting(db, req.enterpriseId);
    if (!e) throw badRequest('所选企业不存在，请重新选择，或直接填写企业名称');
    if (!e.street_id || !e.district_id) throw badRequest('该企业所属街道未登记，请联系工会');
    return { enterpriseId: e.id, enterpriseName: e.name, streetId: e.street_id, districtId: e.district_id };
  }
  const name = req.enterpriseName?.trim();
  if (!name) throw badRequest('请选择所在企业，或填写企业名称');
  if (!req.streetId) throw badRequest('填写企业名称时请选择所在街道');
  const street = await findStreet(db, req.streetId);
  if (!street?.parent_id) throw badRequest('所选街道不存在');
  return { enterpriseId: null, enterpriseName: name, streetId: street.id, districtId: street.parent_id };
}

/**
 * Validates the facts against the organisation and starts the grievance workflow. Nothing is written here: the
 * workflow's first activity creates the case row, so a failed start leaves nothing half-made. The start carries an
 * update that answers once that row is written, so whoever gets the case number can read the case at once.
 */
export async function fileGrievance(
  db: Kysely<Database>, temporal: Client, req: GrievanceIntakeRequest, filedBy: Actor, routed?: Awaited<ReturnType<typeof routeIntake>>,
) {
  const where = routed ?? await routeIntake(db, req);
  const caseNo = caseNumberFor(req.idempotencyKey);
  const input: GrievanceInput = {
    caseNo,
    intake: {
      complainantName: req.complainantName.trim(), complainantPhone: req.complainantPhone, ...where,
      category: req.category, description: req.description.trim(), claimedFen: req.claimedFen, workerCount: req.workerCount,
      filedBy,
    },
    policy: defaultGrievancePolicy,
    mediationPolicy: defaultMediationPolicy,
  };
  return startCase(db, temporal, caseNo, input);
}
