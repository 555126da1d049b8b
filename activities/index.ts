/** Builds every activity from its dependencies (samples-typescript: activities-dependency-injection). */
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createCalendarActivities } from './calendar';
import { createGenerateDocument } from './documents';
import { createSendEmail } from './email/send-email';
import type { EmailTransport } from './email/transport';
import { createConflictCheck } from './persistence/conflicts';
import { createContactLookup } from './persistence/contacts';
import { createInstitutionLookup } from './persistence/institutions';
import { createLegalAidSetup } from './persistence/legal-aid-setup';
import { createLawyerLookup } from './persistence/lawyers';
import { createPersistTransition } from './persistence/persist-transition';
import { createPurgeExpired } from './persistence/purge-expired';
import type { WorkerLinks } from './secrets/worker-link';
import { outboxOnlyGateway, type SmsGateway } from './sms/gateway';
import { createSendSmsBatch } from './sms/send-sms';
import { createSendSmsFanOut } from './sms/fan-out';
import { createCaseWithTexts } from './sms/texts-with-the-case';
import { createPersistThenFanOut } from './sms/fan-out-after-transition';
import { createWagePlanLookup } from './persistence/wage-plans';
import { createRiskFollowUps } from './risk/follow-ups';
import { createRiskRecompute } from './risk/recompute';
import type { RiskActivities } from './risk/types';
import type { CaseActivities } from './types';

export interface ActivityDeps {
  db: Kysely<Database>;
  sms?: SmsGateway;
  /** fills the worker's personal link into the receipt SMS */
  links?: WorkerLinks;
  /** where documents are e-mailed from; without one, sending fails (and is retried) until a mail server is configured */
  mail?: EmailTransport | null;
}

export function createActivities({ db, sms = outboxOnlyGateway, links, mail }: ActivityDeps): CaseActivities & RiskActivities {
  const sendSmsBatch = createSendSmsBatch(db, sms, links);
  // The fan-out's lookup of several posts at once is its own, not an activity of the workflows.
  const { findPostHolders, ...contacts } = createContactLookup(db);
  const persistTransition = createPersistTransition(db);
  const sendSmsFanOut = createSendSmsFanOut(findPostHolders, sendSmsBatch);
  return {
    persistTransition,
    ...contacts,
    ...createInstitutionLookup(db),
    ...createLegalAidSetup(db),
    ...createLawyerLookup(db),
    ...createConflictCheck(db),
    ...createWagePlanLookup(db),
    sendSms: (req) => sendSmsBatch([req]),
    sendSmsBatch,
    sendSmsFanOut,
    persistThenFanOut: createPersistThenFanOut(persistTransition, sendSmsFanOut, undefined, createCaseWithTexts(db, sms, links)),
    generateDocument: createGenerateDocument(db),
    sendEmail: mail ? createSendEmail(db, mail) : noMailServer,
    ...createCalendarActivities(db),
    purgeExpired: createPurgeExpired(db),
    recomputeRiskColours: createRiskRecompute(db),
    ...createRiskFollowUps(db),
  };
}

async function noMailServer(): Promise<never> {
  // Retryable on purpose: once an operator sets GONGQING_SMTP_URL and restarts the worker, the waiting e-mails leave.
  throw ApplicationFailure.retryable('no mail server: set GONGQING_SMTP_URL and restart the worker', 'NoMailServer');
}
