/**
 * The legal-aid case page's forms → the commands' payloads, read from each action's schema: text as typed, money in
 * yuan (up to two decimals) into fen, yes/no into booleans, a textarea one item a line into a list. Evidence is typed
 * "名称，持有方，状态" and installments "日期，金额" one a line. Only the shape is checked here, naming the line that is
 * wrong in zh-CN; what depends on the case is the rules' word.
 */
import { formError, oneField, yuanToFen, type FormBody } from '../../shared/present/form-values';
import { legalAidActionBodies, type OwnLegalAidAction } from './actions';

const HOLDERS: Record<string, string> = { 职工: 'worker', 用人单位: 'employer', worker: 'worker', employer: 'employer' };
const STATUSES: Record<string, string> = {
  已持有: 'held', 已申请调取: 'requested', 已提供: 'produced', 缺失: 'missing', held: 'held', requested: 'requested', produced: 'produced', missing: 'missing',
};
const YES = new Set(['true', '是', 'yes', '1']);
const NO = new Set(['false', '否', 'no', '0']);

const one = oneField;

function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

const cellsOf = (line: string) => line.split(/\s*[,，、\t]\s*/).filter((c) => c !== '');

function fen(text: string, where: string): number {
  const v = yuanToFen(text.replace(/[,，]/g, '').replace(/元$/, ''));
  if (v === undefined) throw formError(`${where}格式不正确（元，最多两位小数，例如 3500.50）`);
  return v;
}

function whole(text: string, where: string): number {
  if (!/^[0-9]{1,9}$/.test(text)) throw formError(`请选择${where}`);
  return Number(text);
}

function evidence(text: string): unknown[] {
  return linesOf(text).map((line, i) => {
    const [name, holder, status] = cellsOf(line);
    const where = `证据清单第${i + 1}行`;
    if (!name || !holder || !status || !HOLDERS[holder] || !STATUSES[status]) {
      throw formError(`${where}格式不正确（名称，持有方：职工或用人单位，状态：已持有、已申请调取、已提供或缺失）`);
    }
    return { name, holder: HOLDERS[holder], status: STATUSES[status] };
  });
}

function installments(text: string): unknown[] {
  return linesOf(text).map((line, i) => {
    const [dueDate, amount] = cellsOf(line);
    const where = `分期第${i + 1}行`;
    if (!dueDate || !amount) throw formError(`${where}格式不正确（付款日期，金额（元））`);
    return { dueDate, amountFen: fen(amount, `${where}的金额`) };
  });
}

/** One field of the form, read as its schema says. */
function field(action: OwnLegalAidAction, name: string, schema: Record<string, any>, f: FormBody): unknown {
  if (name === 'debtorPartyNos') {
    const raw = f[name];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : cellsOf(raw);
    return list.map((v) => whole(String(v).trim(), '承担付款责任的用人单位'));
  }
  const text = one(f, name);
  if (text === undefined) return undefined;
  if (name === 'items' && action === 'recordEvidence') return evidence(text);
  if (name === 'installments') return installments(text);
  if (schema.type === 'array') return linesOf(text);
  if (schema.type === 'boolean') {
    if (YES.has(text)) return true;
    if (NO.has(text)) return false;
    throw formError(`请选择“${name}”`);
  }
  if (schema.type === 'integer') return name.endsWith('Fen') ? fen(text, '金额') : whole(text, name === 'lawyerUserId' ? '律师' : '编号');
  return text;
}

export function legalAidPayloadFromForm(action: OwnLegalAidAction, body: FormBody): Record<string, unknown> {
  const schema = legalAidActionBodies[action] as { properties: Record<string, Record<string, any>> };
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(schema.properties)) {
    const v = field(action, name, s, body ?? {});
    if (v !== undefined && !(Array.isArray(v) && v.length === 0 && name !== 'debtorPartyNos')) out[name] = v;
  }
  return out;
}
