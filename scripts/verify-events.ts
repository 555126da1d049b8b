/**
 * Checks the hash chain of case events (db/event-chain.ts) against DATABASE_URL:
 *   node --import tsx scripts/verify-events.ts <caseNo>   one case
 *   node --import tsx scripts/verify-events.ts --all      every case
 * One line per case for the staff who run it. Exit 1 when any chain is broken; 2 when the check itself could not run
 * (wrong arguments, unknown case, no database), so a script can tell "tampered" from "not checked".
 */
import { createDb } from '../db/connection';
import { verifyChain } from '../db/event-chain';

const arg = process.argv[2];
if (!arg || process.argv.length > 3) {
  console.error('用法：npm run verify-events -- <案件编号>  或  npm run verify-events -- --all');
  process.exit(2);
}

const db = createDb(undefined, 2);
let exitCode = 0;
try {
  const caseNos = (await db.selectFrom('cases').select('case_no')
    .$if(arg !== '--all', (q) => q.where('case_no', '=', arg)).orderBy('case_no').execute()).map((r) => r.case_no);
  if (arg !== '--all' && caseNos.length === 0) {
    console.error(`未找到案件 ${arg}`);
    exitCode = 2;
  }
  let broken = 0;
  for (const caseNo of caseNos) {
    const r = await verifyChain(db, caseNo);
    if (r.ok) {
      console.log(`案件 ${caseNo}：${r.checked} 条记录完整，未发现篡改`);
    } else {
      broken += 1;
      console.log(`案件 ${caseNo}：记录链异常，${r.broken!.reason}（记录 id ${r.broken!.id}，此前 ${r.checked} 条完整）`);
    }
  }
  if (arg === '--all') console.log(`共核对 ${caseNos.length} 件案件，其中 ${broken} 件异常`);
  if (broken > 0) exitCode = 1;
} catch (err) {
  console.error(`核对未能完成：${err instanceof Error ? err.message : String(err)}`);
  exitCode = 2;
} finally {
  await db.destroy();
}
process.exit(exitCode);
