import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { grantedByName } from '../../db/queries/case-access';
import { caseEvents, findCase, findVisibleCase, rejectedSmsOfCase } from '../../db/queries/cases';
import type { SignedInStaff } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { kindOfCaseNo } from '../../workflows/kinds';
import type { CaseViewBase } from '../../workflows/shared/case-view';
import { forbidden, notFound } from '../errors';
import { may } from '../security/access-policy';
import { caseView } from './cases';
import { maskCaseForOutsider, maskEventsForOutsider, maskPartiesForOutsider } from './outsider-view';
import { actorOf, isOutsider, viewerOf } from './viewer';

/** A case as a staff member may see it: 404 if unknown, 403 when it is not theirs to see. */
export async function caseForStaff(db: Kysely<Database>, staff: SignedInStaff, caseNo: string) {
  const row = await findVisibleCase(db, caseNo, viewerOf(staff));
  if (row) return row;
  if (await findCase(db, caseNo)) throw forbidden('该案件不在您的辖区，也未指派或发送给您，无权查看或办理');
  throw notFound();
}

/**
 * An outsider by role sees a case unmasked when they run it by the kind's word (a station's mediator its mediation),
 * or when it was assigned to them by name (a lawyer: the workers are their clients); `byName` says whether it was.
 */
function outsiderTo(staff: SignedInStaff, view: CaseViewBase, byName = false): boolean {
  return isOutsider(staff) && !byName && !kindOfCaseNo(view.caseNo)?.runsCase({ role: staff.role, unitId: staff.org_unit_id }, view);
}

/** A live view (a command's answer) as this staff member may read it. */
export async function viewForStaff<V extends CaseViewBase>(db: Kysely<Database>, staff: SignedInStaff, view: V): Promise<V> {
  const byName = isOutsider(staff) ? await grantedByName(db, view.caseNo, staff.id) : false;
  return outsiderTo(staff, view, byName) ? maskPartiesForOutsider(view) : view;
}

export async function caseDetail(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, caseNo: string) {
  const row = await caseForStaff(db, staff, caseNo);
  const [view, events, rejectedSms, byName] = await Promise.all([
    caseView(temporal, caseNo, db), caseEvents(db, caseNo), rejectedSmsOfCase(db, caseNo),
    isOutsider(staff) ? grantedByName(db, caseNo, staff.id) : false,
  ]);
  const actor = actorOf(staff);
  const actions = may(staff.role, 'case.act') && !view.archived ? kindOfCaseNo(caseNo)!.allowedActions(view, actor).filter((a: string) => a !== 'rate') : [];
  const coordination = (view.openCoordination ?? []).filter((c) => staff.role !== 'partner_department' || c.department === staff.department);
  const outsider = outsiderTo(staff, view, byName);
  return {
    case: outsider ? maskCaseForOutsider(row) : row,
    events: outsider ? maskEventsForOutsider(events, row) : events,
    rejectedSms: outsider ? [] : rejectedSms,
    view: outsider ? maskPartiesForOutsider(view) : view, actions, coordination, showContact: !outsider,
  };
}
