/** The web process: zh-CN pages and /api/v1 on one port. */
import { gatewayFromEnv } from '../activities/sms/http-gateway';
import { createDb } from '../db/connection';
import { buildApp } from './server';
import { ensureHousekeepingSchedule } from './services/housekeeping';
import { ensureWagePlanSchedule } from './services/wage-plan-schedule';
import { ensureRiskWarningSchedule } from './services/risk-warning-schedule';
import { connectTemporal } from './temporal-client';

/** GONGQING_TRUST_PROXY: unset or empty = none; otherwise the proxies' addresses or CIDRs, comma-separated. */
function trustProxyFromEnv(v: string | undefined): false | string[] {
  const list = (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return list.length ? list : false;
}

async function main() {
  const db = createDb();
  const temporal = await connectTemporal();
  const app = await buildApp({ db, temporal, sms: gatewayFromEnv() ?? undefined, logger: { level: process.env.LOG_LEVEL ?? 'info' }, trustProxy: trustProxyFromEnv(process.env.GONGQING_TRUST_PROXY) });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  await ensureHousekeepingSchedule(temporal);
  await ensureWagePlanSchedule(temporal);
  await ensureRiskWarningSchedule(temporal);
  await app.listen({ port, host });
  const stop = async () => {
    await app.close();
    await temporal.connection.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
