import { SmsRejectedError, type OutgoingSms, type SmsGateway } from './gateway';

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
      if (res.ok) return;
      // A 4xx about the message itself (a wrong or barred number): retrying is futile. Not so a timeout, a rate limit or
      // a refused token (401/403: our configuration, which an operator fixes while the activity keeps retrying).
      if (res.status >= 400 && res.status < 500 && ![401, 403, 408, 429].includes(res.status)) {
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        throw new SmsRejectedError(`号码被短信网关拒绝（HTTP ${res.status}${detail ? `：${detail}` : ''}）`);
      }
      throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function gatewayFromEnv(env = process.env): SmsGateway | null {
  if ((env.GONGQING_SMS_ADAPTER ?? 'outbox') !== 'http') return null;
  if (!env.GONGQING_SMS_URL) throw new Error('GONGQING_SMS_ADAPTER=http needs GONGQING_SMS_URL');
  return httpGateway({ url: env.GONGQING_SMS_URL, token: env.GONGQING_SMS_TOKEN });
}
