/**
 * Before the first malformed request: the running system's cases, sign-ins and CSRF pair that valid requests start
 * from, and a system at rest, so that any row or event that appears afterwards was caused by a request.
 */
import { unescapeHtml } from '../browser';
import { apiClient } from '../http';
import type { System } from '../system';
import { eventually } from '../time-skipping';
import { demoRoundInput } from '../wage-code';
import { fileAsWorker, freshPhone } from '../worker-proof';
import { live } from './live';
import { fingerprint, historyLengths } from './snapshot';

/** Two cases filed by workers (A for most routes, B for the staff page's actions), a wage round, staff signed in, a CSRF pair. */
export async function fillLive(sys: System): Promise<void> {
  const api = apiClient(sys.baseUrl);
  const a = await fileAsWorker(sys, { complainantPhone: freshPhone() });
  const b = await fileAsWorker(sys, { complainantPhone: freshPhone() });
  Object.assign(live, { caseA: a.caseNo, phoneA: a.phone, caseB: b.caseNo, workerToken: a.token });
  // A wage round in preparation, whose 协商码 takes posts: the routes behind the code start from it.
  const round = demoRoundInput();
  await sys.temporal.workflow.start('wageNegotiation', { taskQueue: sys.taskQueue, workflowId: `wage_negotiation-${round.caseNo}`, args: [round] });
  live.wageCode = (await eventually(() => sys.db.selectFrom('wage_rounds').select('public_code').where('case_no', '=', round.caseNo).executeTakeFirst(), 20_000)).public_code;
  // the station's mediator and the institute's clerk too: the routes only they may use are fuzzed as them (routes.ts)
  for (const who of ['beishan.sg', 'xihu.qb', 'jingmi.zx', 'xihu.tj', 'xihu.zc']) live.staff[who] = await api.login(who);
  // A page's CSRF pair, as a browser holds it: the secret cookie and the token in the page's forms.
  const res = await fetch(`${sys.baseUrl}/grievances/new`);
  live.csrf.secret = /(?:^|;\s*)_csrf=([^;]+)/.exec(res.headers.getSetCookie().join('; '))?.[1] ?? '';
  live.csrf.token = unescapeHtml(/name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '');
}

/** Waits until nothing moves: both cases at their first step, every SMS sent, no table or history still changing. */
export async function untilStill(sys: System, tables: string[]): Promise<void> {
  // Both cases at their first step, every SMS sent: then nothing moves until someone acts.
  await eventually(async () => {
    const open = await sys.db.selectFrom('tasks').select('case_no').where('case_no', 'in', [live.caseA, live.caseB]).where('kind', '=', 'contact').where('status', '=', 'open').execute();
    const pending = await sys.db.selectFrom('sms_outbox').select('id').where('status', '=', 'pending').execute();
    return open.length === 2 && pending.length === 0;
  }, 30_000);
  let last = '';
  await eventually(async () => {
    const now = JSON.stringify([...(await fingerprint(sys, tables))]) + JSON.stringify(await historyLengths(sys, [live.caseA, live.caseB]));
    const still = now === last;
    last = now;
    if (!still) await new Promise((r) => setTimeout(r, 500));
    return still;
  }, 30_000);
}
