/**
 * Deletes what only served to prove who someone is, once it can prove nothing (the daily housekeeping workflow):
 * ended staff and worker sessions, one-time phone codes past the longest window any limit looks back over, and the
 * agreement codes and wrong tries of mediations that have closed, and the guess limits' counts whose window has ended
 * (api/security/guess-count-store.ts). Case data, events and documents are never touched.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PurgeCounts, PurgeRequest } from '../types';

const DAY_MS = 86_400_000;

export function createPurgeExpired(db: Kysely<Database>) {
  return async function purgeExpired(req: PurgeRequest): Promise<PurgeCounts> {
    const now = new Date(req.now);
    const codesBefore = new Date(now.getTime() - req.phoneCodeDays * DAY_MS);
    return db.transaction().execute(async (trx) => {
      const closed = trx.selectFrom('cases').select('case_no').where('status', '=', 'closed');
      const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
      return {
        staffSessions: count(await trx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst()),
        workerSessions: count(await trx.deleteFrom('worker_sessions').where('expires_at', '<', now).executeTakeFirst()),
        phoneCodes: count(await trx.deleteFrom('phone_codes').where('created_at', '<', codesBefore).executeTakeFirst()),
        agreementCodes: count(await trx.deleteFrom('agreement_codes').where('case_no', 'in', closed).executeTakeFirst()),
        // and any count untouched for a month: a case number that never existed, a draft long superseded
        agreementCodeTries: count(await trx.deleteFrom('agreement_code_tries')
          .where((eb) => eb.or([eb('case_no', 'in', closed), eb('last_at', '<', new Date(now.getTime() - req.triesDays * DAY_MS))])).executeTakeFirst()),
        guessCounts: count(await trx.deleteFrom('guess_counts').where('window_ends', '<', now).executeTakeFirst()),
      };
    });
  };
}
