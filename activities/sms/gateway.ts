/** Where an SMS goes once it is in the outbox. Adapters: `outbox` (keep and show only) and `http` (a real gateway). */
export interface OutgoingSms {
  idempotencyKey: string;
  phone: string;
  body: string;
}

export interface SmsGateway {
  readonly name: string;
  /**
   * Resolves once the message is accepted. Throws SmsRejectedError when the gateway refuses it for good (a wrong or
   * barred number); any other error is transient and the activity is retried.
   */
  deliver(sms: OutgoingSms): Promise<void>;
}

/** A refusal that no retry can change; the message is recorded as rejected and staff are told on the case. */
export class SmsRejectedError extends Error {
  readonly permanent = true;
}

/** Default: nothing leaves the machine; staff read the messages on the outbox page. */
export const outboxOnlyGateway: SmsGateway = {
  name: 'outbox',
  async deliver() {},
};
