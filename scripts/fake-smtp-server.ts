/**
 * A fake mail server: a real SMTP server on loopback that receives what activities/email/send-email.ts sends, with
 * pages (scripts/fake-smtp-server-web.ts) that stand in for the arbitration institute's and the court's inboxes in
 * the demo. Tests start one per file and steer its `behaviour`: down (421), refuse an address (550), hold an answer.
 * Like the archives of a real institute it files a message once per Message-ID: a message sent again is answered 250
 * and filed nowhere twice, which is what makes a retried send with the same Message-ID harmless.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { appendMailStore, readMailStore } from './fake-smtp-server-store';
import { startMailboxPages } from './fake-smtp-server-web';

export interface MailAttachment { filename: string; contentType: string; size: number; sha256: string; content: Buffer }

export interface ReceivedMail {
  /** this server's own number for the message, used in page links */
  id: string;
  /** the Message-ID header, angle brackets included */
  messageId: string;
  /** envelope sender and recipients (lower case): the recipients are the mailboxes that hold it */
  from: string;
  to: string[];
  /** display names from the To header, by address: the pages show whose inbox it is */
  names: Record<string, string>;
  subject: string;
  text: string;
  /** the Date header, and when this server took it */
  date?: string;
  at: string;
  attachments: MailAttachment[];
}

/** Every message transaction that reached DATA, duplicates included (status 0: taken, never answered). */
export interface Delivery { messageId: string; to: string[]; status: number; duplicate: boolean; at: string }

export interface SmtpBehaviour {
  /** greet every connection with 421 (service not available): a transient failure */
  down: boolean;
  /** answer RCPT TO for these addresses (lower case) with 550: a permanent refusal */
  rejectAddresses: Set<string>;
  /** consumed once: the message is filed, then this is awaited before answering. If it rejects, the connection is
   *  dropped unanswered, as when the sender dies after the server took the message. */
  holdNext: null | ((m: ReceivedMail) => Promise<void>);
}

export interface FakeSmtpServer {
  /** for GONGQING_SMTP_URL, e.g. smtp://127.0.0.1:2525 */
  url: string;
  smtpPort: number;
  /** the mailbox pages, e.g. http://127.0.0.1:3026/ */
  inboxUrl: string;
  /** every filed message once, in order (newest 1,000) */
  received: ReceivedMail[];
  deliveries: Delivery[];
  /** SMTP connections opened so far: a send that was answered from the outbox opens none */
  readonly connections: number;
  mailbox(address: string): ReceivedMail[];
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  behaviour: SmtpBehaviour;
  close(): Promise<void>;
}

/** A demo and test tool keeps its mail in memory; the caps keep a long demo session from growing without end. */
const CAP = 1_000;
const MAX_MESSAGE = 25 * 1024 * 1024;

interface Waiter { pred: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void; reject: (e: Error) => void }
const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * `store`: a file that keeps the filed messages across restarts (scripts/fake-smtp-server-store.ts). `auth`: require
 * this login (the demo and the tests need none).
 */
export async function startFakeSmtpServer(opts: {
  smtpPort?: number; httpPort?: number; host?: string; store?: string; auth?: { user: string; pass: string };
} = {}): Promise<FakeSmtpServer> {
  const behaviour: SmtpBehaviour = { down: false, rejectAddresses: new Set(), holdNext: null };
  const received: ReceivedMail[] = [];
  const deliveries: Delivery[] = [];
  const byMessageId = new Map<string, ReceivedMail>();
  const waiters = new Set<Waiter>();
  const sockets = new Map<number, Socket>(); // client port → socket, to drop a held connection unanswered
  let seq = 0;
  let connections = 0;
  const file = (m: ReceivedMail) => {
    if (byMessageId.has(m.messageId)) received.splice(received.indexOf(byMessageId.get(m.messageId)!), 1, m);
    else received.push(m);
    byMessageId.set(m.messageId, m);
    for (const old of received.splice(0, Math.max(0, received.length - CAP))) byMessageId.delete(old.messageId);
  };
  for (const m of opts.store ? readMailStore(opts.store) : []) {
    file(m);
    seq = Math.max(seq, Number(m.id.replace(/\D/g, '')) || 0);
  }
  const keep = (m: ReceivedMail) => {
    file(m);
    if (opts.store) appendMailStore(opts.store, m);
  };
  const notify = (m: ReceivedMail) => {
    for (const w of waiters) {
      let hit = false;
      try { hit = w.pred(m); } catch (err) { w.reject(err as Error); }
      if (hit) w.resolve(m);
    }
  };

  /** Files a message, or for a Message-ID already filed only adds the mailboxes it did not reach yet. */
  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession) {
    const parsed = await simpleParser(stream, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    if (stream.sizeExceeded) throw smtpError(552, 'Error: message exceeds fixed maximum message size');
    const at = new Date().toISOString();
    const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
    const messageId = parsed.messageId ?? `<fake-${seq + 1}@fake-smtp.local>`; // a real server adds one when missing
    // A duplicate is answered 250 like the first: the sender must learn that the message arrived, not that it came twice.
    const delivery: Delivery = { messageId, to, status: 250, duplicate: byMessageId.has(messageId), at };
    deliveries.push(delivery);
    deliveries.splice(0, Math.max(0, deliveries.length - CAP));
    const names = Object.fromEntries(addresses(parsed.to).map((a) => [a.address.toLowerCase(), a.name]));
    let mail = byMessageId.get(messageId);
    if (mail) {
      const reached = to.filter((t) => !mail!.to.includes(t));
      if (reached.length > 0) keep({ ...mail, to: [...mail.to, ...reached], names: { ...names, ...mail.names } });
      mail = byMessageId.get(messageId)!;
    } else {
      mail = {
        id: `mail-${String(++seq).padStart(6, '0')}`, messageId, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to, names, subject: parsed.subject ?? '', text: parsed.text ?? '', date: parsed.date?.toISOString(), at,
        attachments: parsed.attachments.map((a) => ({
          filename: a.filename ?? '附件', contentType: a.contentType, size: a.content.length,
          sha256: createHash('sha256').update(a.content).digest('hex'), content: a.content,
        })),
      };
      keep(mail);
      notify(mail);
    }
    const hold = behaviour.holdNext;
    behaviour.holdNext = null;
    if (hold) {
      try {
        await hold(mail);
      } catch {
        delivery.status = 0; // taken, never answered
        sockets.get(session.remotePort)?.destroy();
        return new Promise<void>(() => {}); // the connection is gone: there is nobody left to answer
      }
    }
  }

  const smtp = new SMTPServer({
    logger: false,
    banner: 'fake mail server for the Gongqing demo',
    size: MAX_MESSAGE,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'], // loopback only: no certificate to offer
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return cb(null, { user: auth.username });
      cb(smtpError(535, 'Error: authentication failed'));
    },
    onConnect(_session, cb) {
      connections++;
      cb(behaviour.down ? smtpError(421, 'Service not available, try again later') : null);
    },
    onRcptTo(address, _session, cb) {
      const refused = behaviour.rejectAddresses.has(address.address.toLowerCase());
      cb(refused ? smtpError(550, `Mailbox unavailable: ${address.address}`) : null);
    },
    onData(stream, session, cb) {
      receive(stream, session).then(() => cb(), (err: Error) => cb(err));
    },
  });
  smtp.on('error', () => {}); // a client that hangs up mid-session is its own business
  smtp.server.on('connection', (s: Socket) => {
    const port = s.remotePort ?? 0;
    sockets.set(port, s);
    s.once('close', () => sockets.delete(port));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(opts.smtpPort ?? 0, host, () => { smtp.off('error', reject); resolve(); });
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const mailbox = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  const web = await startMailboxPages({ host, port: opts.httpPort ?? 0, received, mailbox, cap: CAP, kept: Boolean(opts.store) });
  let closing: Promise<void> | undefined;

  return {
    url: `smtp://${host.includes(':') ? `[${host}]` : host}:${smtpPort}`,
    smtpPort,
    inboxUrl: web.url,
    received,
    deliveries,
    get connections() { return connections; },
    mailbox,
    behaviour,
    waitFor(pred, timeoutMs = 5_000) {
      const hit = received.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const done = () => { clearTimeout(timer); waiters.delete(w); };
        const w: Waiter = { pred, resolve: (m) => { done(); resolve(m); }, reject: (e) => { done(); reject(e); } };
        const timer = setTimeout(() => w.reject(new Error(`no matching e-mail within ${timeoutMs} ms`)), timeoutMs);
        waiters.add(w);
      });
    },
    close() {
      closing ??= (async () => {
        for (const w of waiters) w.reject(new Error('fake SMTP server closed'));
        const stopped = new Promise<void>((resolve) => smtp.close(() => resolve()));
        for (const s of sockets.values()) s.destroy(); // a held answer would otherwise keep close() waiting 30 s
        await Promise.all([stopped, web.close()]);
      })();
      return closing;
    },
  };
}

function addresses(to: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(to) ? to : to ? [to] : []).flatMap((o) => o.value)
    .filter((a): a is { address: string; name: string } => typeof a.address === 'string');
}

// ---- run directly: the demo's mail server ----

async function main() {
  const port = (name: string, fallback: number) => {
    const n = Number.parseInt(process.env[name] ?? String(fallback), 10);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got ${process.env[name]}`);
    return n;
  };
  const server = await startFakeSmtpServer({
    smtpPort: port('SMTP_PORT', 2525), httpPort: port('PORT', 3026), store: process.env.GONGQING_SMTP_STORE || undefined,
  });
  console.log(`[gongqing] fake SMTP server on ${server.url} (mailboxes: ${server.inboxUrl.replace(/\/$/, '')})`);
  const stop = () => { void server.close().catch((err) => { console.error(err); process.exitCode = 1; }); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
