/**
 * A past case's words, safe to show a stranger: the worker's name, phone and enterprise as the case records them are
 * masked with the project's helpers (workflows/shared/present/format), and so is anything that looks like a phone
 * number, an ID number or an enterprise's name in what the worker wrote. A name written in the text that is not the
 * complainant's cannot be recognised, so only an excerpt is shown, beside the category and outcome.
 */
import { maskName, maskPhone } from '../../../workflows/shared/present/format';

export interface CaseParties { name?: string | null; phone?: string | null; enterprise?: string | null }

const PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])/g;
/** "某某精密机械有限公司", "宏达厂": Han characters or letters ending in a word enterprises end in */
const ENTERPRISE = /[\u3400-\u9fffA-Za-z0-9（）()]{2,30}?(有限责任公司|股份有限公司|有限公司|集团|公司|工厂|厂|酒店|饭店|餐厅|超市|商场|站点)/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function anonymise(text: string, parties: CaseParties = {}): string {
  let out = text;
  if (parties.enterprise && parties.enterprise.trim().length >= 2) out = out.replace(new RegExp(escape(parties.enterprise.trim()), 'g'), '某企业');
  out = out.replace(ENTERPRISE, (_m, suffix: string) => `某${suffix}`);
  if (parties.phone) out = out.replace(new RegExp(escape(parties.phone), 'g'), maskPhone(parties.phone));
  out = out.replace(ID_NUMBER, '[身份证号已隐去]').replace(PHONE, (p) => maskPhone(p));
  const name = parties.name?.replace(/等\d+人$/, '').trim();
  if (name && name.length >= 2) out = out.replace(new RegExp(escape(name), 'g'), maskName(name));
  return out;
}

export function excerpt(text: string, max = 120): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}
