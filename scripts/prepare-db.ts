/** Migrates to the latest schema and loads the demo organisation; prints the demo accounts when asked. */
import { createDb } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD, DEMO_STAFF } from '../db/seed/demo-organisation';
import { seedDemo } from '../db/seed/seed-demo';
import { ROLE_LABELS, type Role } from '../workflows/shared/roles';

const db = createDb();
try {
  await migrateToLatest(db);
  await seedDemo(db);
  if (process.argv.includes('--print-accounts')) {
    console.log(`\nDemo staff accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const s of DEMO_STAFF) console.log(`  ${s.username.padEnd(12)} ${ROLE_LABELS[s.role as Role]}  ${s.display_name}`);
  }
} finally {
  await db.destroy();
}
