/** Builds every activity from its dependencies (samples-typescript: activities-dependency-injection). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createContactLookup } from './persistence/contacts';
import { createPersistTransition } from './persistence/persist-transition';
import { outboxOnlyGateway, type SmsGateway } from './sms/gateway';
import { createSendSms } from './sms/send-sms';
import type { CaseActivities } from './types';

export interface ActivityDeps {
  db: Kysely<Database>;
  sms?: SmsGateway;
}

export function createActivities({ db, sms = outboxOnlyGateway }: ActivityDeps): CaseActivities {
  const sendSms = createSendSms(db, sms);
  return {
    persistTransition: createPersistTransition(db),
    ...createContactLookup(db),
    sendSms,
    // All are attempted; if any failed the batch fails and is retried, and the ones already sent are skipped by key.
    async sendSmsBatch(reqs) {
      const results = await Promise.allSettled(reqs.map(sendSms));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
