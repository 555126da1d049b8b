/**
 * The loopback mail server's pages (scripts/fake-smtp-server.ts): what a person trying the demo reads in place of the
 * arbitration institute's and the court's inboxes: who received which documents, when, with which fingerprint.
 */
import type { ReceivedMail } from './fake-smtp-server';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(shanghai.format(new Date(iso)))}</time>`;

const size = (n: number) => (n < 1024 ? `${n} 字节` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

// Colours checked for contrast: #1f1f1f, #4d4d4d and link #0b57d0 are all ≥ 5.5:1 on #fff and on card #f3f5f8.
const CSS = `body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#fff}
main{max-width:44rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;line-height:1.35}h2{font-size:1.1rem}
.mail h2{margin:0 0 .4rem}h3.meta{font-weight:600}a{color:#0b57d0}.meta{color:#4d4d4d;font-size:.875rem;margin:.2rem 0}
ul,ol{padding:0;list-style:none}.boxes li{margin:.6rem 0}.mail>li{background:#f3f5f8;border-radius:.75rem;padding:.8rem 1rem;margin:1rem 0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.6rem 0}.files li{margin:.4rem 0}.hash{font-family:ui-monospace,monospace;word-break:break-all}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>${CSS}</style></head><body><main>${body}</main></body></html>`;
}

/** The name the sender gave a mailbox (e.g. 某区劳动人事争议仲裁院), from its newest message. */
function boxName(address: string, messages: ReceivedMail[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].names[address]) return messages[i].names[address];
  return '';
}

export function indexPage(received: ReceivedMail[], cap: number, kept: boolean): string {
  const boxes = new Map<string, ReceivedMail[]>();
  for (const m of received) for (const to of m.to) boxes.set(to, [...(boxes.get(to) ?? []), m]);
  const newest = [...boxes].sort((a, b) => b[1].at(-1)!.at.localeCompare(a[1].at(-1)!.at));
  const list = newest.length === 0 ? '<p>还没有收到邮件。</p>' : `<ul class="boxes">${newest.map(([address, ms]) => {
    const name = boxName(address, ms);
    return `<li><a href="/mailbox/${encodeURIComponent(address)}">${esc(name || address)}</a>${name ? ` <span class="meta">${esc(address)}</span>` : ''}
<p class="meta">${ms.length} 封，最新 ${time(ms.at(-1)!.at)}</p></li>`;
  }).join('')}</ul>`;
  return page('模拟邮件服务器（演示用）', `<h1>模拟邮件服务器（演示用）</h1>
<p>这里代替仲裁院、法院等单位的收件箱：系统发出的邮件不会真的寄出，而是留在这里，方便演示时查看对方收到的文书。附件可以下载，并附有 SHA-256 指纹，可与案件中登记的文书核对。</p>
<p class="meta">${kept ? '邮件保存在 data/ 下的文件中，重启后仍在' : '邮件只保存在内存中，服务器重启后清空'}，最多保留最近 ${cap} 封。同一封邮件（同一个 Message-ID）重发时只收录一次。</p>
<h2>收件箱（最新在前）</h2>${list}<p><a href="/">刷新</a></p>`);
}

function mailItem(m: ReceivedMail): string {
  const files = m.attachments.length === 0 ? '<p class="meta">没有附件。</p>' : `<h3 class="meta">附件 ${m.attachments.length} 个</h3><ul class="files">${m.attachments.map((a, i) =>
    `<li><a href="/mail/${encodeURIComponent(m.id)}/attachments/${i}" download="${esc(a.filename)}">${esc(a.filename)}</a> <span class="meta">${size(a.size)}</span>
<p class="meta">SHA-256 <span class="hash">${a.sha256}</span></p></li>`).join('')}</ul>`;
  return `<li id="${esc(m.id)}"><h2>${esc(m.subject || '（无主题）')}</h2>
<p class="meta">发件人 ${esc(m.from)} · 收到于 ${time(m.at)}</p>
<p class="meta">Message-ID <span class="hash">${esc(m.messageId)}</span></p>
<p class="text">${esc(m.text)}</p>${files}</li>`;
}

export function mailboxPage(address: string, messages: ReceivedMail[]): string {
  const name = boxName(address.toLowerCase(), messages);
  const list = messages.length === 0 ? '<p>这个收件箱还没有邮件。</p>' : `<ol class="mail">${[...messages].reverse().map(mailItem).join('')}</ol>`;
  const whose = name ? `${name}的收件箱` : `${address} 的收件箱`; // no space after a Chinese name, one after an address
  return page(`${whose} · 模拟邮件服务器（演示用）`, `<p><a href="/">← 全部收件箱</a></p>
<h1>${esc(whose)}</h1><p class="meta">${esc(address)} · 共 ${messages.length} 封，最新在前</p>${list}
<p><a href="/mailbox/${encodeURIComponent(address)}">刷新</a></p>`);
}
