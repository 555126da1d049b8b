/**
 * The daily housekeeping on the real system: the web process's schedule (Asia/Shanghai, once a day, made once however
 * often it is ensured), triggered now, runs the workflow on the worker, which deletes ended sessions, old phone codes
 * and the agreement codes and tries of closed cases, and ended guess-limit windows, and nothing that can still prove something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHousekeepingSchedule, housekeepingScheduleId } from '../../api/services/housekeeping';
import { housekeepingConfig } from '../../temporal.config';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

let sys: System;
beforeAll(async () => {
  sys = await startSystem('housekeeping');
  await sys.startWorker();
});
afterAll(async () => {
  await sys?.temporal.schedule.getHandle(housekeepingScheduleId(sys.taskQueue)).delete().catch(() => undefined);
  await sys?.stop();
});

const DAY = 86_400_000;
const rows = async () => ({
  staffSessions: (await sys.db.selectFrom('sessions').select('token_hash').execute()).map((r) => r.token_hash),
  workerSessions: (await sys.db.selectFrom('worker_sessions').select('token_hash').execute()).map((r) => r.token_hash),
  phoneCodes: (await sys.db.selectFrom('phone_codes').select('code_hash').execute()).map((r) => r.code_hash),
  agreementCodes: (await sys.db.selectFrom('agreement_codes').select('case_no').execute()).map((r) => r.case_no),
  agreementCodeTries: (await sys.db.selectFrom('agreement_code_tries').select('case_no').execute()).map((r) => r.case_no),
  guessCounts: (await sys.db.selectFrom('guess_counts').select('key_hash').execute()).map((r) => r.key_hash),
});

describe('the daily housekeeping', () => {
  it('deletes what can prove nothing any more, and only that', async () => {
    const api = apiClient(sys.baseUrl);
    await api.login('beishan.sg');
    const open = await fileAsWorker(sys);
    const closing = await fileAsWorker(sys);
    expect((await api.call('POST', `/api/v1/grievances/${closing.caseNo}/withdrawal`, { reason: '已与企业协商解决' }, closing.token)).status).toBe(200);
    await eventually(async () => (await sys.db.selectFrom('cases').select('status').where('case_no', '=', closing.caseNo).executeTakeFirst())?.status === 'closed', 20_000);

    const now = Date.now();
    const user = await sys.db.selectFrom('staff_users').select('id').executeTakeFirstOrThrow();
    await sys.db.insertInto('sessions').values({ token_hash: 'ended-staff', user_id: user.id, expires_at: new Date(now - 60_000) }).execute();
    await sys.db.insertInto('worker_sessions').values({ token_hash: 'ended-worker', case_no: open.caseNo, via: 'code', expires_at: new Date(now - 60_000) }).execute();
    await sys.db.insertInto('phone_codes').values({ phone: '13800000001', purpose: 'track', case_no: open.caseNo, code_hash: 'eight-days-old', client: '127.0.0.1', created_at: new Date(now - 8 * DAY), expires_at: new Date(now - 8 * DAY + 600_000) }).execute();
    await sys.db.insertInto('phone_codes').values({ phone: '13800000001', purpose: 'track', case_no: open.caseNo, code_hash: 'six-days-old', client: '127.0.0.1', created_at: new Date(now - 6 * DAY), expires_at: new Date(now - 6 * DAY + 600_000) }).execute();
    for (const caseNo of [open.caseNo, closing.caseNo]) {
      await sys.db.insertInto('agreement_codes').values({ case_no: caseNo, party_no: 2, version: 1, phone: '13800000002', code_hash: 'x' }).execute();
      await sys.db.insertInto('agreement_code_tries').values({ case_no: caseNo, version: 1, phone: '13800000003', failures: 2 }).execute();
    }
    // a count for a case number that never existed, untouched for a month
    await sys.db.insertInto('agreement_code_tries').values({ case_no: 'MA0000000000', version: 0, phone: '13800000004', failures: 5, last_at: new Date(now - 31 * DAY) }).execute();
    // a guess limit's window that ended a minute ago (the caseworker's sign-in above counts in a live one)
    await sys.db.insertInto('guess_counts').values({ key_hash: 'ended-window', tries: 3, window_ends: new Date(now - 60_000) }).execute();
    const before = await rows();

    await ensureHousekeepingSchedule(sys.temporal, sys.taskQueue);
    await ensureHousekeepingSchedule(sys.temporal, sys.taskQueue); // a second web process: still one schedule
    const schedule = sys.temporal.schedule.getHandle(housekeepingScheduleId(sys.taskQueue));
    const described = await schedule.describe();
    expect(described.spec.calendars?.[0]).toMatchObject({ hour: [{ start: housekeepingConfig.hour }], minute: [{ start: housekeepingConfig.minute }] });
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'housekeeping', taskQueue: sys.taskQueue, args: [{ phoneCodeDays: 7, triesDays: 30 }] });

    await schedule.trigger();
    const run = await eventually(async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId, 20_000);
    const counts = await sys.temporal.workflow.getHandle(run).result();
    expect(counts).toEqual({ staffSessions: 1, workerSessions: 1, phoneCodes: 1, agreementCodes: 1, agreementCodeTries: 2, guessCounts: 1 });

    const after = await rows();
    expect(after.staffSessions.sort()).toEqual(before.staffSessions.filter((t) => t !== 'ended-staff').sort());
    expect(after.staffSessions.length).toBeGreaterThan(0); // the caseworker who signed in above is still signed in
    expect(after.workerSessions.sort()).toEqual(before.workerSessions.filter((t) => t !== 'ended-worker').sort());
    expect(after.phoneCodes).toContain('six-days-old');
    expect(after.phoneCodes).not.toContain('eight-days-old');
    expect(after.agreementCodes).toEqual([open.caseNo]);
    expect(after.agreementCodeTries).toEqual([open.caseNo]);
    expect(after.guessCounts.sort()).toEqual(before.guessCounts.filter((k) => k !== 'ended-window').sort());
    expect(after.guessCounts.length).toBeGreaterThan(0);
    // the cases themselves, their events and the worker's proof of a filing are untouched
    expect(await sys.db.selectFrom('cases').select('case_no').where('case_no', 'in', [open.caseNo, closing.caseNo]).execute()).toHaveLength(2);
  });
});
