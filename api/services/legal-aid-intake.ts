/**
 * Opens a legal-aid case (DOMAIN §4): an application registered by the district union's centre staff, or a case a
 * court delegates for pre-litigation mediation, registered by its clerk. The places (arbitration institute, court,
 * procuratorate) are the district's; nothing is written here: the workflow's first activity creates the case row. A
 * worker's own application online (legal-aid-online.ts) is built and started by the same two functions.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findInstitution } from '../../db/queries/institutions';
import { findEnterprise, findStreet } from '../../db/queries/organisation';
import type { Database } from '../../db/schema';
import { defaultLegalAidPolicy } from '../../temporal.config';
import { validIdNumber } from '../../workflows/kinds/mediation/id-number';
import type { LegalAidInput, LegalAidIntake, LegalAidSource } from '../../workflows/kinds/legal-aid/model';
import type { Actor } from '../../workflows/shared/roles';
import type { LegalAidIntakeRequest } from '../schemas/legal-aid';
import { badRequest, forbidden } from '../errors';
import { caseNumberFor } from './case-number';
import { startCase } from './start-case';

const DAY = 86_400_000;

async function placesOf(db: Kysely<Database>, districtId: string) {
  const rows = await db.selectFrom('institutions').select(['unit_id', 'kind']).where('district_id', '=', districtId).orderBy('unit_id').execute();
  const of = (kind: string) => rows.find((r) => r.kind === kind)?.unit_id ?? null;
  return { arbitrationUnitId: of('arbitration'), courtUnitId: of('court'), procuratorateUnitId: of('procuratorate') };
}

/** The centre's staff register for their district; a court's clerk for the court's district, as a delegation. */
async function districtOf(db: Kysely<Database>, by: Actor): Promise<{ districtId: string; source: LegalAidSource }> {
  if (by.role === 'district_staff' && by.unitId) return { districtId: by.unitId, source: 'walk_in' };
  const court = by.role === 'court_clerk' && by.unitId ? await findInstitution(db, by.unitId) : undefined;
  if (court?.kind === 'court' && court.district_id) return { districtId: court.district_id, source: 'court_delegated' };
  throw forbidden('只有区总工会法律援助工作站或法院可以登记法律援助案件');
}

function checkAppliedAt(appliedAt: string | undefined, now: number): string {
  if (!appliedAt) return new Date(now).toISOString();
  const at = Date.parse(appliedAt);
  if (Number.isNaN(at)) throw badRequest('收到申请的时间无效');
  if (at > now + 60_000) throw badRequest('收到申请的时间不能晚于现在');
  if (at < now - 7 * DAY) throw badRequest('收到申请已超过7日（《法律援助法》第四十三条的决定期限），请按实际收到日期补登并说明');
  return new Date(at).toISOString();
}

/** Who registers, for which district, as what kind of application: the staff's unit, or the street a worker chose. */
export interface LegalAidOrigin { districtId: string; source: LegalAidSource; filedBy: Actor }

/**
 * The application checked against what is stored and built into the case's input; nothing is started, so that a
 * worker applying online proves their phone between the two (api/services/legal-aid-online.ts).
 */
export async function legalAidInputOf(db: Kysely<Database>, req: LegalAidIntakeRequest, { districtId, source, filedBy }: LegalAidOrigin): Promise<LegalAidInput> {
  const street = await findStreet(db, req.streetId);
  if (!street || street.parent_id !== districtId) throw badRequest('所选街道不在本区');
  if (source === 'court_delegated' && !req.courtRef?.trim()) throw badRequest('法院委派诉前调解请填写委派案号');
  for (const d of req.debtors) if (d.enterpriseId && !(await findEnterprise(db, d.enterpriseId))) throw badRequest(`所选企业不存在：${d.name}`);
  const wrong = req.workers.findIndex((w) => !validIdNumber(w.idNumber));
  if (wrong >= 0) throw badRequest(`第${wrong + 1}位职工（${req.workers[wrong].name}）的身份证号码不正确（出生日期或校验码不对）`);
  if (new Set(req.workers.map((w) => w.idNumber)).size !== req.workers.length) throw badRequest('职工名单中有重复的身份证号码');
  const places = await placesOf(db, districtId);
  if (source === 'court_delegated' && !places.courtUnitId) throw badRequest('本区尚未登记法院');
  const intake: LegalAidIntake = {
    ...places, source, parentCaseNo: null, courtRef: req.courtRef?.trim() || null, districtId, streetId: street.id, centreUnitId: districtId,
    dispute: req.dispute.trim(), facts: req.facts.trim(), appliedAt: checkAppliedAt(req.appliedAt, Date.now()),
    workers: req.workers.map((w, i) => ({ ...w, name: w.name.trim(), partyNo: i + 1 })),
    debtors: req.debtors.map((d, i) => ({
      partyNo: req.workers.length + i + 1, name: d.name.trim(), enterpriseId: d.enterpriseId ?? null, creditCode: d.creditCode,
      address: d.address.trim(), representative: { role: d.representativeRole ?? '法定代表人', name: d.representative.trim() },
    })),
    filedBy,
  };
  return { caseNo: caseNumberFor(req.idempotencyKey, 'LA'), intake, policy: defaultLegalAidPolicy };
}

export async function startLegalAid(db: Kysely<Database>, temporal: Client, input: LegalAidInput): Promise<{ caseNo: string }> {
  return startCase(db, temporal, input.caseNo, input);
}

export async function openLegalAid(db: Kysely<Database>, temporal: Client, req: LegalAidIntakeRequest, by: Actor) {
  const origin = { ...(await districtOf(db, by)), filedBy: by };
  return startLegalAid(db, temporal, await legalAidInputOf(db, req, origin));
}
