/**
 * Why a send failed, in words a supervisor reads: the SMS adapter and Node report in English ("SMS gateway answered
 * 503", "fetch failed"); the account and the engine page say it in zh-CN and keep an unknown message as it came.
 */
const KNOWN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/SMS gateway answered (\d+)/i, (m) => `短信网关暂时无法受理（返回码 ${m[1]}）`],
  [/timed? ?out|ETIMEDOUT|aborted/i, () => '短信网关无响应（超时）'],
  [/ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|fetch failed|socket hang up|network/i, () => '无法连接短信网关'],
];

export function failureText(message: string | null | undefined): string {
  const msg = (message ?? '').trim();
  if (!msg) return '';
  for (const [re, say] of KNOWN) {
    const m = msg.match(re);
    if (m) return say(m);
  }
  // Messages written by the project itself are zh-CN already (a refused number); anything else is kept for diagnosis.
  return /[\u4e00-\u9fff]/.test(msg) ? msg : `其他错误（${msg}）`;
}

/**
 * A refusal as the SMS adapter records it carries the gateway's raw answer (JSON, with the full number): the account
 * keeps the gateway's own words and masks the number (DESIGN: personal data masked in lists and logs).
 */
export function tidyRefusal(text: string): string {
  return text
    .replace(/号码被短信网关拒绝（HTTP \d+：\{[^}]*"message":"([^"]+)"[^}]*\}）/g, '$1')
    .replace(/(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g, '$1****$2');
}
