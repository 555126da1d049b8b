/** Files the demo grievances through the same intake service as the web pages (idempotent: fixed keys). */
import { connectTemporal } from '../api/temporal-client';
import { fileGrievance } from '../api/services/grievance-intake';
import { createDb } from '../db/connection';
import { DEMO_CASES } from '../db/seed/demo-cases';
import { seedDemoCounsel } from '../db/seed/demo-lawyers';
import { DEMO_MEDIATION } from '../db/seed/demo-mediation';
import { openMediation } from '../api/services/mediation-intake';
import { openLegalAid } from '../api/services/legal-aid-intake';
import { DEMO_LEGAL_AID } from '../db/seed/demo-legal-aid';
import { openDemoWageRound } from './demo-wage-round';

const db = createDb();
const temporal = await connectTemporal();
try {
  for (const c of DEMO_CASES) {
    const { caseNo } = await fileGrievance(db, temporal, c, { role: 'worker', name: c.complainantName });
    console.log(`  demo case ${caseNo}: ${c.description.slice(0, 16)}… (phone ${c.complainantPhone})`);
  }
  const mediator = await db.selectFrom('staff_users').select(['id', 'display_name', 'org_unit_id']).where('username', '=', 'xihu.tj').executeTakeFirstOrThrow();
  const { caseNo } = await openMediation(db, temporal, DEMO_MEDIATION, { role: 'union_mediator', name: mediator.display_name, userId: mediator.id, unitId: mediator.org_unit_id });
  console.log(`  demo mediation ${caseNo}: ${DEMO_MEDIATION.workers.length} workers at the station (mediator xihu.tj, clerk xihu.zc)`);
  // The employer's lawyer in that mediation, of 何律师's firm: the legal-aid conflict check finds it.
  await seedDemoCounsel(db, caseNo);
  const centre = await db.selectFrom('staff_users').select(['id', 'display_name', 'org_unit_id']).where('username', '=', 'xihu.qb').executeTakeFirstOrThrow();
  const aid = await openLegalAid(db, temporal, DEMO_LEGAL_AID, { role: 'district_staff', name: centre.display_name, userId: centre.id, unitId: centre.org_unit_id });
  const round = await openDemoWageRound(db, temporal);
  console.log(`  demo wage round ${round}: 杭州迅达快递 negotiating (chair kuaidi.zx, city union xihu.qb, mentors xihu.ds/xihu.ds2, HR xihu.rsj; plan at /staff/wage-plan)`);
  console.log(`  demo legal aid ${aid.caseNo}: ${DEMO_LEGAL_AID.workers.length} workers in screening (centre xihu.qb, lawyers xihu.ls and xihu.ls2, procurator xihu.jc)`);
} finally {
  await temporal.connection.close();
  await db.destroy();
}
