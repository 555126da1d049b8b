/** Where an SMS goes once it is in the outbox. Adapters: `outbox` (keep and show only) and `http` (a real gateway). */
export interface OutgoingSms {
  idempotencyKey: string;
  phone: string;
  body: string;
}

export interface SmsGateway {
  readonly name: string;
  /** resolves once the message is accepted; throws to let Temporal retry the activity */
  deliver(sms: OutgoingSms): Promise<void>;
}

/** Default: nothing leaves the machine; staff read the messages on the outbox page. */
export const outboxOnlyGateway: SmsGateway = {
  name: 'outbox',
  async deliver() {},
};
