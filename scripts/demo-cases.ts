/** Files the demo grievances through the same intake service as the web pages (idempotent: fixed keys). */
import { connectTemporal } from '../api/temporal-client';
import { fileGrievance } from '../api/services/grievance-intake';
import { createDb } from '../db/connection';
import { DEMO_CASES } from '../db/seed/demo-cases';

const db = createDb();
const temporal = await connectTemporal();
try {
  for (const c of DEMO_CASES) {
    const { caseNo } = await fileGrievance(db, temporal, c, { role: 'worker', name: c.complainantName });
    console.log(`  demo case ${caseNo}: ${c.description.slice(0, 16)}… (phone ${c.complainantPhone})`);
  }
} finally {
  await temporal.connection.close();
  await db.destroy();
}
