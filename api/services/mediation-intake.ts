/**
 * Opens a mediation case (DOMAIN §3): a walk-in registered by the station's mediator, or a referral by the arbitration
 * institute's clerk. The case's places (station, institute, court) follow from who opens it and the district; nothing
 * is written here: the workflow's first activity creates the case row, as for a grievance.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { districtInstitutions, findInstitution } from '../../db/queries/institutions';
import { findEnterprise, findStreet } from '../../db/queries/organisation';
import type { Database } from '../../db/schema';
import { defaultMediationPolicy } from '../../temporal.config';
import { validCreditCode } from '../../workflows/kinds/mediation/credit-code';
import { validIdNumber } from '../../workflows/kinds/mediation/id-number';
import { claimItemsRefusal } from '../../workflows/kinds/mediation/claim-items';
import type { MediationInput, MediationIntake, MediationIntakeRequest, MediationSource } from '../../workflows/kinds/mediation/model';
import type { Actor } from '../../workflows/shared/roles';
import { badRequest, forbidden } from '../errors';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { caseNumberFor } from './case-number';
import { startCase } from './start-case';

export type { MediationIntakeRequest };

const DAY = 86_400_000;

/** Who opens the case decides where it is mediated and which institute reviews it. */
async function placesFor(db: Kysely<Database>, by: Actor) {
  const own = by.unitId ? await findInstitution(db, by.unitId) : undefined;
  if (!own?.district_id) throw forbidden('只有调解站的调解员或仲裁院可以登记调解案件');
  const district = own.district_id;
  const ofDistrict = await districtInstitutions(db, district);
  const station = own.kind === 'mediation_station' ? own : ofDistrict.station;
  const arbitration = own.kind === 'arbitration' ? own : ofDistrict.arbitration;
  const court = ofDistrict.court;
  if (!station || !arbitration || !court) throw badRequest('本区尚未登记调解站、仲裁院或法院，无法登记调解案件，请联系区总工会');
  const source: MediationSource = own.kind === 'arbitration' ? 'referral' : 'walk_in';
  return { districtId: district, source, stationUnitId: station.unit_id, arbitrationUnitId: arbitration.unit_id, courtUnitId: court.unit_id };
}

function checkAppliedAt(appliedAt: string | undefined, now: number): string {
  if (!appliedAt) return new Date(now).toISOString();
  const at = Date.parse(appliedAt);
  if (Number.isNaN(at)) throw badRequest('收到调解申请的时间无效');
  if (at > now + 60_000) throw badRequest('收到调解申请的时间不能晚于现在');
  if (at < now - 15 * DAY) throw badRequest('收到调解申请已超过15日，应告知当事人申请仲裁，不再登记调解');
  return new Date(at).toISOString();
}

/** When the dispute arose (Art. 27 counts a year from it): a real day, not in the future, within twenty years. */
function checkDisputeArose(date: string, now: number): string {
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== date) throw badRequest('争议发生之日不是有效的日期');
  if (date > shanghaiDate(now)) throw badRequest('争议发生之日不能晚于今天');
  if (at < now - 20 * 366 * DAY) throw badRequest('争议发生之日不能早于二十年前');
  return date;
}

export async function openMediation(db: Kysely<Database>, temporal: Client, req: MediationIntakeRequest, by: Actor) {
  const places = await placesFor(db, by);
  if (places.source === 'referral' && !req.referralNo?.trim()) throw badRequest('仲裁院委托调解请填写委托调解编号');
  const street = await findStreet(db, req.streetId);
  if (!street || street.parent_id !== places.districtId) throw badRequest('所选街道不在本区');
  if (req.employer.enterpriseId && !(await findEnterprise(db, req.employer.enterpriseId))) throw badRequest('所选企业不存在');
  // Printed on every document for the institute and the court: a mistyped character is caught here, not by the clerk.
  if (req.employer.creditCode && !validCreditCode(req.employer.creditCode)) {
    throw badRequest(`用人单位的统一社会信用代码（${req.employer.creditCode}）不正确（校验码不对），请核对营业执照后重新填写`);
  }
  const wrong = req.workers.findIndex((w) => !validIdNumber(w.idNumber));
  if (wrong >= 0) throw badRequest(`第${wrong + 1}位职工（${req.workers[wrong].name}）的身份证号码不正确（出生日期或校验码不对）`);
  const ids = new Set(req.workers.map((w) => w.idNumber));
  if (ids.size !== req.workers.length) throw badRequest('职工名单中有重复的身份证号码');
  req.workers.forEach((w, i) => {
    const why = claimItemsRefusal(w);
    if (why) throw badRequest(`第${i + 1}位职工（${w.name}）${why}`);
  });
  const caseNo = caseNumberFor(req.idempotencyKey, 'MA');
  const intake: MediationIntake = {
    ...places, parentCaseNo: null, referralNo: req.referralNo?.trim() || null, streetId: street.id,
    dispute: req.dispute.trim(), ...(req.facts?.trim() ? { facts: req.facts.trim() } : {}), appliedAt: checkAppliedAt(req.appliedAt, Date.now()),
    ...(req.disputeArose ? { disputeArose: checkDisputeArose(req.disputeArose, Date.now()) } : {}),
    ...(req.employmentInDispute ? { employmentInDispute: true } : {}),
    employer: {
      partyNo: 1, name: req.employer.name.trim(), enterpriseId: req.employer.enterpriseId ?? null, creditCode: req.employer.creditCode,
      address: req.employer.address.trim(), representative: {
        role: '法定代表人', name: req.employer.representative.trim(),
        ...(req.employer.representativePosition?.trim() ? { position: req.employer.representativePosition.trim() } : {}),
      }, phone: req.employer.phone,
    },
    workers: req.workers.map((w, i) => ({ ...w, name: w.name.trim(), partyNo: i + 2 })),
    filedBy: by,
  };
  return startMediation(db, temporal, { caseNo, intake, policy: defaultMediationPolicy });
}

/** Starts the workflow and answers once its case row is written (update-with-start), as a grievance's filing does. */
export async function startMediation(db: Kysely<Database>, temporal: Client, input: MediationInput) {
  return startCase(db, temporal, input.caseNo, input);
}
