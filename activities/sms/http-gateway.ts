import type { OutgoingSms, SmsGateway } from './gateway';

export interface HttpGatewayConfig {
  url: string;
  token?: string;
  timeoutMs?: number;
}

/**
 * POSTs each message as JSON to a configured gateway. The idempotency key travels as a header so a gateway that
 * dedupes never sends twice when Temporal retries after a lost answer; retries themselves are the activity's.
 */
export function httpGateway(cfg: HttpGatewayConfig): SmsGateway {
  return {
    name: 'http',
    async deliver(sms: OutgoingSms) {
      const res = await fetch(cfg.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': sms.idempotencyKey,
          ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}),
        },
        body: JSON.stringify({ phone: sms.phone, text: sms.body, id: sms.idempotencyKey }),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function gatewayFromEnv(env = process.env): SmsGateway | null {
  if ((env.GONGQING_SMS_ADAPTER ?? 'outbox') !== 'http') return null;
  if (!env.GONGQING_SMS_URL) throw new Error('GONGQING_SMS_ADAPTER=http needs GONGQING_SMS_URL');
  return httpGateway({ url: env.GONGQING_SMS_URL, token: env.GONGQING_SMS_TOKEN });
}
