import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

/** Where documents for the arbitration institute and the court leave from, and who they say they are from. */
export interface EmailTransport {
  /** the From header, e.g. `工情码 <noreply@gongqing.local>` */
  from: string;
  mailer: Transporter<SMTPTransport.SentMessageInfo>;
  close(): void;
}

export interface EmailTransportConfig {
  /** `smtp://host:port`, `smtps://user:pass@host:465`; nodemailer's query options (`?pool=true`) are honoured */
  url: string;
  from?: string;
  /** connect, greeting and idle limits; past them the attempt fails and Temporal retries it */
  timeoutMs?: number;
}

export const DEFAULT_MAIL_FROM = '工情码 <noreply@gongqing.local>';

/**
 * An SMTP transport with timeouts sized for an activity: nodemailer's defaults (2 minutes to connect, 10 minutes of
 * silence) would hold an attempt far past the point where a retry is the better move. They travel as URL options, the
 * one form nodemailer merges with a URL, and an option already in the URL wins, so an operator can change them
 * without a code change.
 */
export function createEmailTransport(cfg: EmailTransportConfig): EmailTransport {
  if (!/^smtps?:\/\//i.test(cfg.url)) throw new Error(`GONGQING_SMTP_URL must be smtp:// or smtps://, got ${redact(cfg.url)}`);
  const timeout = cfg.timeoutMs ?? 30_000;
  const url = new URL(cfg.url);
  const limits = { connectionTimeout: Math.min(timeout, 10_000), greetingTimeout: Math.min(timeout, 10_000), socketTimeout: timeout };
  for (const [name, ms] of Object.entries(limits)) if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  const mailer = nodemailer.createTransport(url.toString());
  return { from: cfg.from ?? DEFAULT_MAIL_FROM, mailer, close: () => mailer.close() };
}

/** The configured transport, or null when `GONGQING_SMTP_URL` is unset (then no e-mail can leave this installation). */
export function transportFromEnv(env = process.env): EmailTransport | null {
  if (!env.GONGQING_SMTP_URL) return null;
  return createEmailTransport({ url: env.GONGQING_SMTP_URL, from: env.GONGQING_MAIL_FROM || undefined });
}

/** A URL as it may appear in an error or a log: without its password. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
