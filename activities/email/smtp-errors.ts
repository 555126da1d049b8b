/** A login refused or missing: our configuration, which an operator fixes while the activity keeps retrying. */
const LOGIN_CODES = [530, 535];

/**
 * Tells a permanent SMTP refusal from a passing one, and for a permanent one gives the reason to record (zh-CN).
 * Permanent: a 5xx reply to the envelope (MAIL FROM, RCPT TO) or to the message (DATA), and an envelope or message
 * nodemailer itself cannot send (no valid recipient, over the server's size limit): sending the same again cannot
 * succeed. Everything else is worth a retry (null): a 4xx (greylisting, a full queue, "421 service not available"),
 * no connection, a timeout, and a login refused or missing (535, 530).
 */
export function smtpRefusal(err: unknown): string | null {
  const e = err as { code?: string; responseCode?: number; response?: string; command?: string; message?: string } | null;
  if (!e || (e.code !== 'EENVELOPE' && e.code !== 'EMESSAGE')) return null;
  if (e.responseCode !== undefined && (e.responseCode < 500 || e.responseCode > 599 || LOGIN_CODES.includes(e.responseCode))) return null;
  const reply = (e.response ?? e.message ?? '').trim().slice(0, 300);
  return `邮件服务器拒收${e.command ? `（${e.command}）` : ''}：${reply}`;
}
