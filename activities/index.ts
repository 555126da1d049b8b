/** Builds every activity from its dependencies (samples-typescript: activities-dependency-injection). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createContactLookup } from './persistence/contacts';
import { createPersistTransition } from './persistence/persist-transition';
import { outboxOnlyGateway, type SmsGateway } from './sms/gateway';
import { createSendSmsBatch } from './sms/send-sms';
import type { CaseActivities } from './types';

export interface ActivityDeps {
  db: Kysely<Database>;
  sms?: SmsGateway;
}

export function createActivities({ db, sms = outboxOnlyGateway }: ActivityDeps): CaseActivities {
  const sendSmsBatch = createSendSmsBatch(db, sms);
  return {
    persistTransition: createPersistTransition(db),
    ...createContactLookup(db),
    sendSms: (req) => sendSmsBatch([req]),
    sendSmsBatch,
  };
}
