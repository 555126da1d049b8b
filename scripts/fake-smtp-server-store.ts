/**
 * The loopback mail server's memory across restarts (scripts/fake-smtp-server.ts): one JSON line per filed message,
 * attachments in base64, so the demo's inboxes still hold the documents of cases handled before `npm start` was
 * restarted. A message filed again (it reached another mailbox) is a new line; the later line wins when read.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { MailAttachment, ReceivedMail } from './fake-smtp-server';

type StoredMail = Omit<ReceivedMail, 'attachments'> & { attachments: Array<Omit<MailAttachment, 'content'> & { content: string }> };

export function readMailStore(file: string): ReceivedMail[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const m = JSON.parse(line) as StoredMail;
    return { ...m, attachments: m.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })) };
  });
}

export function appendMailStore(file: string, m: ReceivedMail): void {
  const stored: StoredMail = { ...m, attachments: m.attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) };
  appendFileSync(file, `${JSON.stringify(stored)}\n`);
}
