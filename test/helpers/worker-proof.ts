/**
 * The worker's side as a phone sees it in integration tests: codes and personal links arrive on the loopback SMS
 * gateway (scripts/fake-sms-gateway.ts), exactly as a real phone would receive them.
 */
import type { System } from './system';
import { apiClient, validIntake } from './http';

let phoneSeq = 0;
/** A fresh phone number per call, so the per-phone code interval never couples two tests. */
export function freshPhone(): string {
  phoneSeq += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

/** The newest one-time code texted to `phone` after the gateway had `seen` messages. */
export async function codeSentTo(sys: System, phone: string, seen: number): Promise<string> {
  const m = await sys.sms.waitFor((x, i = sys.sms.received.indexOf(x)) => x.phone === phone && i >= seen && /验证码是\d{6}/.test(x.text), 10_000);
  return /验证码是(\d{6})/.exec(m.text)![1];
}

/** Asks for a code to file, reads it off the phone, files: the worker's whole path through the JSON API. */
export async function fileAsWorker(sys: System, overrides: Record<string, unknown> = {}) {
  const api = apiClient(sys.baseUrl);
  const body = validIntake({ complainantPhone: freshPhone(), ...overrides });
  const seen = sys.sms.received.length;
  const asked = await api.call('POST', '/api/v1/phone-codes', { phone: body.complainantPhone, purpose: 'file' });
  if (asked.status !== 202) throw new Error(`phone code: ${asked.status} ${JSON.stringify(asked.body)}`);
  const phoneCode = await codeSentTo(sys, body.complainantPhone as string, seen);
  const filed = await api.call('POST', '/api/v1/grievances', { ...body, phoneCode });
  if (filed.status !== 201) throw new Error(`filing: ${filed.status} ${JSON.stringify(filed.body)}`);
  return { caseNo: filed.body.caseNo as string, token: filed.body.accessToken as string, phone: body.complainantPhone as string, body };
}

/** The personal link token from the receipt SMS on the worker's phone. */
export async function receiptLinkToken(sys: System, caseNo: string): Promise<string> {
  const m = await sys.sms.waitFor((x) => x.text.includes(caseNo) && x.text.includes('/t/'), 20_000);
  return /\/t\/(L[A-Za-z0-9_-]{32})/.exec(m.text)![1];
}

/** A worker token for a case, by its personal link (what the JSON API's client of a worker would do). */
export async function workerTokenByLink(sys: System, caseNo: string): Promise<string> {
  const link = await receiptLinkToken(sys, caseNo);
  const r = await apiClient(sys.baseUrl).call('POST', '/api/v1/worker-sessions', { link });
  if (r.status !== 201) throw new Error(`worker session: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}
