/**
 * The loopback SMS gateway's pages (scripts/fake-sms-gateway.ts): what a person trying the demo reads, each phone's
 * messages as the phone would show them.
 */
import type { Received } from './fake-sms-gateway';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** ASCII URL characters only: Chinese SMS put a link right against the next word (“…/t/abc查看进度”). */
const URL_RE = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?)'\]]+$/, ''); // sentence punctuation after a link is not part of it
    out += `${esc(text.slice(last, m.index))}<a href="${esc(url)}">${esc(url)}</a>`;
    last = m.index + url.length;
  }
  return out + esc(text.slice(last));
}

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const time = (iso: string) => `<time datetime="${esc(iso)}">${esc(shanghai.format(new Date(iso)))}</time>`;

// Colours checked for contrast: #1f1f1f, #4d4d4d and link #0b57d0 are all ≥ 5.5:1 on #fff and on bubble #eef1f5.
const CSS = `body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.35rem;line-height:1.35}h2{font-size:1.1rem}
a{color:#0b57d0}.meta{color:#4d4d4d;font-size:.875rem}ul,ol{padding:0;list-style:none}.phones li{margin:.6rem 0}
.sms li{background:#eef1f5;border-radius:1rem;padding:.6rem 1rem;margin:.8rem 0;max-width:90%}
.sms p{margin:0}.text{white-space:pre-wrap;overflow-wrap:anywhere}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>${CSS}</style></head><body><main>${body}</main></body></html>`;
}

export function indexPage(received: Received[], cap: number, kept: boolean): string {
  const phones = new Map<string, { count: number; last: string }>();
  for (let i = received.length - 1; i >= 0; i--) { // newest first
    const p = phones.get(received[i].phone);
    if (p) p.count++;
    else phones.set(received[i].phone, { count: 1, last: received[i].at });
  }
  const list = phones.size === 0 ? '<p>还没有收到短信。</p>' : `<ul class="phones">${[...phones].map(([phone, p]) =>
    `<li><a href="/phone/${encodeURIComponent(phone)}#latest">${esc(phone)}</a> <span class="meta">${p.count} 条，最新 ${time(p.last)}</span></li>`).join('')}</ul>`;
  return page('模拟短信网关（演示用）', `<h1>模拟短信网关（演示用）</h1>
<p>这里代替运营商的短信网关：系统发出的短信不会真的发到手机上，而是留在这里，方便演示时查看职工手机会收到的内容，例如查询链接和验证码。</p>
<p class="meta">${kept ? '短信保存在 data/ 下的文件中，重启后仍在' : '短信只保存在内存中，网关重启后清空'}，最多保留最近 ${cap} 条。</p>
<h2>收到短信的号码（最新在前）</h2>${list}<p><a href="/">刷新</a></p>`);
}

export function phonePage(phone: string, messages: Received[]): string {
  const items = messages.map((m, i) =>
    `<li${i === messages.length - 1 ? ' id="latest"' : ''}><p class="meta">${time(m.at)}</p><p class="text">${linkify(m.text)}</p></li>`);
  const list = items.length === 0 ? '<p>这个号码还没有收到短信。</p>' : `<ol class="sms">${items.join('')}</ol>`;
  return page(`${phone} 的短信 · 模拟短信网关（演示用）`, `<p><a href="/">← 全部号码</a></p>
<h1>${esc(phone)} 收到的短信</h1><p class="meta">按时间先后排列，和手机上看到的一样。</p>${list}
<p><a href="/phone/${encodeURIComponent(phone)}#latest">刷新</a></p>`);
}
