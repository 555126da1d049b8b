/** Builds every activity from its dependencies (samples-typescript: activities-dependency-injection). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createContactLookup } from './persistence/contacts';
import { createPersistTransition } from './persistence/persist-transition';
import type { WorkerLinks } from './secrets/worker-link';
import { outboxOnlyGateway, type SmsGateway } from './sms/gateway';
import { createSendSmsBatch } from './sms/send-sms';
import type { CaseActivities } from './types';

export interface ActivityDeps {
  db: Kysely<Database>;
  sms?: SmsGateway;
  /** fills the worker's personal link into the receipt SMS */
  links?: WorkerLinks;
}

export function createActivities({ db, sms = outboxOnlyGateway, links }: ActivityDeps): CaseActivities {
  const sendSmsBatch = createSendSmsBatch(db, sms, links);
  return {
    persistTransition: createPersistTransition(db),
    ...createContactLookup(db),
    sendSms: (req) => sendSmsBatch([req]),
    sendSmsBatch,
  };
}
