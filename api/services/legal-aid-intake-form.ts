/**
 * The staff intake page's form (all text) → a legal-aid application as api/services/legal-aid-intake.ts takes it. The
 * workers are typed as on the mediation pages (姓名，手机，身份证号，请求金额); the debtors one a line: 名称，住所，
 * 法定代表人或主要负责人，统一社会信用代码 (optional). A wrong line is named in zh-CN; the service checks the rest.
 */
import { formError } from '../../workflows/shared/present/form-values';
import { parseWorkerLines, shanghaiLocalToIso } from '../../workflows/kinds/mediation/form';
import type { LegalAidIntakeRequest } from '../schemas/legal-aid';

export type IntakeForm = Record<string, string | undefined>;

const MAX_DEBTORS = 10;
const CREDIT_CODE = /^[0-9A-Z]{18}$/;

function needed(f: IntakeForm, name: string, label: string, max: number): string {
  const v = f[name]?.trim();
  if (!v) throw formError(`请填写${label}`);
  if (v.length > max) throw formError(`${label}不能超过${max}个字`);
  return v;
}

function optional(f: IntakeForm, name: string, label: string, max: number): string | undefined {
  const v = f[name]?.trim();
  if (v && v.length > max) throw formError(`${label}不能超过${max}个字`);
  return v || undefined;
}

/** "主要负责人 陈经理" or "主要负责人：陈经理" names a branch's head; a bare name is the legal representative. */
function representativeOf(cell: string): { representative: string; representativeRole: '法定代表人' | '主要负责人' } {
  const m = /^(法定代表人|主要负责人)[:：\s]*(.+)$/.exec(cell);
  return m ? { representative: m[2].trim(), representativeRole: m[1] as '法定代表人' | '主要负责人' } : { representative: cell, representativeRole: '法定代表人' };
}

export function parseDebtorLines(text: string | undefined): LegalAidIntakeRequest['debtors'] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) throw formError('请填写被申请人（用人单位，每行一个）');
  if (lines.length > MAX_DEBTORS) throw formError(`被申请人最多${MAX_DEBTORS}个`);
  return lines.map((line, i) => {
    const where = `被申请人第${i + 1}行：`;
    const cells = line.split(/\s*[,，\t]\s*/).filter((c) => c !== '');
    if (cells.length < 3 || cells.length > 4) throw formError(`${where}应为“名称，住所，法定代表人或主要负责人，统一社会信用代码（可不填）”，现为${cells.length}项`);
    const [name, address, head, code] = cells;
    if (name.length > 100) throw formError(`${where}名称不能超过100个字`);
    if (address.length > 200) throw formError(`${where}住所不能超过200个字`);
    const rep = representativeOf(head);
    if (!rep.representative || rep.representative.length > 30) throw formError(`${where}法定代表人或主要负责人姓名应为1到30个字`);
    const creditCode = code?.toUpperCase();
    if (creditCode !== undefined && !CREDIT_CODE.test(creditCode)) throw formError(`${where}统一社会信用代码应为18位数字或大写字母`);
    return { name, address, ...rep, ...(creditCode ? { creditCode } : {}) };
  });
}

function streetOf(v: string | undefined): string {
  if (!v || !/^[A-Za-z0-9_-]{1,40}$/.test(v)) throw formError('请选择用人单位所在街道');
  return v;
}

/** The whole form; `courtRef` only as the court's clerk registers a delegation. */
export function intakeRequestOf(f: IntakeForm): LegalAidIntakeRequest {
  const workers = f.workers?.trim();
  if (!workers) throw formError('请填写申请法律援助的职工（每行一人）');
  return {
    workers: parseWorkerLines(workers),
    debtors: parseDebtorLines(f.debtors),
    dispute: needed(f, 'dispute', '争议事项', 60),
    facts: needed(f, 'facts', '事实与经过', 4000),
    streetId: streetOf(f.streetId),
    courtRef: optional(f, 'courtRef', '法院委派案号', 60),
    appliedAt: f.appliedAt?.trim() ? shanghaiLocalToIso(f.appliedAt, '收到申请的时间') : undefined,
    idempotencyKey: f.idempotencyKey && /^[A-Za-z0-9_-]{8,80}$/.test(f.idempotencyKey) ? f.idempotencyKey : undefined,
  };
}
