import type { Contact, SmsBatchResult, SmsFanOut, SmsRequest } from '../types';

/** every post's holders, in the order of the posts and their roles */
type FindPostHolders = (posts: SmsFanOut['posts']) => Promise<Contact[]>;
type SendBatch = (reqs: SmsRequest[]) => Promise<SmsBatchResult>;

/** The outbox key of a post's message: the key the workflows gave it when they looked the contacts up themselves. */
export const postKey = (keyPrefix: string, role: string) => `${keyPrefix}:${role}`;

/**
 * The intake's fan-out in one activity: the posts' holders looked up here (one query for all the posts) rather than by
 * two lookups of the workflow first, each a local activity and an activation of its own (bench/: the worker's CPU per
 * case went mostly to activations). The batch is then sent as sendSmsBatch sends any, idempotent by each message's key.
 */
export function createSendSmsFanOut(findPostHolders: FindPostHolders, sendSmsBatch: SendBatch) {
  return async function sendSmsFanOut(f: SmsFanOut): Promise<SmsBatchResult> {
    const holders = await findPostHolders(f.posts);
    const { keyPrefix, ...message } = f.message;
    return sendSmsBatch([...holders.map((to) => ({ key: postKey(keyPrefix, to.role), to, ...message })), ...f.direct]);
  };
}
