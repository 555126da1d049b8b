import type { Contact, SmsBatchResult, SmsFanOut, SmsRequest } from '../types';

type FindContacts = (q: { unitId: string; roles: SmsFanOut['posts'][number]['roles'] }) => Promise<Contact[]>;
type SendBatch = (reqs: SmsRequest[]) => Promise<SmsBatchResult>;

/** The outbox key of a post's message: the key the workflows gave it when they looked the contacts up themselves. */
export const postKey = (keyPrefix: string, role: string) => `${keyPrefix}:${role}`;

/**
 * The intake's fan-out in one activity: the posts' holders looked up here rather than by two lookups of the workflow
 * first, each a local activity and an activation of its own (bench/: the worker's CPU per case went mostly to
 * activations). The batch is then sent as sendSmsBatch sends any, idempotent by each message's key.
 */
export function createSendSmsFanOut(findContacts: FindContacts, sendSmsBatch: SendBatch) {
  return async function sendSmsFanOut(f: SmsFanOut): Promise<SmsBatchResult> {
    const holders = (await Promise.all(f.posts.map((p) => findContacts(p)))).flat();
    const { keyPrefix, ...message } = f.message;
    return sendSmsBatch([...holders.map((to) => ({ key: postKey(keyPrefix, to.role), to, ...message })), ...f.direct]);
  };
}
