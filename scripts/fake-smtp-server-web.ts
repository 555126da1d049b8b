/**
 * The loopback mail server's web side (scripts/fake-smtp-server.ts): the mailboxes as pages, each attachment for
 * download byte for byte as it arrived (so its SHA-256 can be checked against the case's record), and the same as JSON
 * for scripts. Read only: nothing here changes what the server holds.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReceivedMail } from './fake-smtp-server';
import { indexPage, mailboxPage, page } from './fake-smtp-server-pages';

export interface MailboxPagesOptions {
  host: string;
  port: number;
  received: ReceivedMail[];
  mailbox(address: string): ReceivedMail[];
  cap: number;
  kept: boolean;
}

export async function startMailboxPages(o: MailboxPagesOptions): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'application/json', '{"error":"method_not_allowed"}', { allow: 'GET, HEAD' });
      const url = new URL(req.url ?? '/', 'http://mail');
      if (url.pathname === '/') return html(res, 200, indexPage(o.received, o.cap, o.kept));
      if (url.pathname === '/messages.json') {
        const to = url.searchParams.get('to');
        // Metadata only: the bytes are one download away, and a JSON of base64 PDFs helps nobody read.
        const messages = (to ? o.mailbox(to) : o.received).map((m) => ({ ...m, attachments: m.attachments.map(({ content: _c, ...a }) => a) }));
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ messages }));
      }
      const box = /^\/mailbox\/([^/]+)$/.exec(url.pathname);
      const address = box ? safeDecode(box[1]) : null;
      if (address) return html(res, 200, mailboxPage(address, o.mailbox(address)));
      const file = /^\/mail\/([\w-]+)\/attachments\/(\d+)$/.exec(url.pathname);
      const attachment = file ? o.received.find((m) => m.id === file[1])?.attachments[Number(file[2])] : undefined;
      if (attachment) {
        return send(res, 200, attachment.contentType || 'application/octet-stream', attachment.content, {
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        });
      }
      html(res, 404, page('页面不存在', '<h1>页面不存在</h1><p><a href="/">返回全部收件箱</a></p>'));
    } catch {
      if (res.headersSent) res.destroy();
      else send(res, 500, 'application/json', '{"error":"internal"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}/`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      });
      return closing;
    },
  };
}

const safeDecode = (s: string) => { try { return decodeURIComponent(s); } catch { return null; } };

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function html(res: ServerResponse, status: number, body: string) {
  send(res, status, 'text/html; charset=utf-8', body);
}
