/**
 * The online application page's form (all text, blank fields already dropped by the public pages' normalizer) → an
 * application as api/services/legal-aid-online.ts takes it. What each field must hold is said in zh-CN here, named
 * as the form names it; what depends on what is stored (the street, the ID number's check character) is the service's.
 */
import { READABLE_PATTERN } from '../../workflows/shared/schema-primitives';
import { formError, yuanToFen } from '../../workflows/shared/present/form-values';
import type { OnlineApplication } from '../schemas/legal-aid-online';

export type ApplyForm = Record<string, string | undefined>;

export const APPLY_FIELDS = [
  'name', 'phone', 'idNumber', 'employerName', 'employerAddress', 'employerRepresentative', 'dispute', 'facts', 'claimedYuan',
  'streetId', 'code', 'idempotencyKey',
] as const;

const READABLE = new RegExp(READABLE_PATTERN, 'u');

function readable(v: string, label: string, max: number): string {
  if (v.length > max) throw formError(`${label}不能超过${max}个字`);
  if (!READABLE.test(v)) throw formError(`${label}含有无法显示的字符（如控制字符），请删除后重试`);
  return v;
}
const needed = (f: ApplyForm, name: string, label: string, max: number) => {
  const v = f[name]?.trim();
  if (!v) throw formError(`请填写${label}`);
  return readable(v, label, max);
};
const optional = (f: ApplyForm, name: string, label: string, max: number) => {
  const v = f[name]?.trim();
  return v ? readable(v, label, max) : undefined;
};

export function applicationOf(f: ApplyForm): OnlineApplication & { code?: string } {
  const name = needed(f, 'name', '姓名', 30);
  const phone = f.phone ?? '';
  if (!/^1[3-9][0-9]{9}$/.test(phone)) throw formError('请填写正确的11位手机号码');
  const idNumber = (f.idNumber ?? '').trim().toUpperCase();
  if (!idNumber) throw formError('请填写身份证号码');
  if (!/^[0-9]{17}[0-9X]$/.test(idNumber)) throw formError('身份证号码应为18位，最后一位可以是X');
  const employerName = needed(f, 'employerName', '用人单位名称', 100);
  const employerAddress = optional(f, 'employerAddress', '用人单位地址', 200);
  const employerRepresentative = optional(f, 'employerRepresentative', '用人单位负责人', 30);
  const dispute = needed(f, 'dispute', '争议事项', 60);
  const facts = needed(f, 'facts', '事实经过', 4000);
  if (!f.claimedYuan?.trim()) throw formError('请填写请求金额（元），不涉及金额填0');
  const claimedFen = yuanToFen(f.claimedYuan);
  if (claimedFen === undefined) throw formError('请求金额应为数字，最多两位小数，如 12000.50');
  const streetId = f.streetId ?? '';
  if (!/^[A-Za-z0-9._-]{1,40}$/.test(streetId)) throw formError('请选择您工作所在的街道');
  const code = f.code?.trim();
  if (code !== undefined && !/^[0-9]{6}$/.test(code)) throw formError('请填写短信中的6位验证码');
  const idempotencyKey = f.idempotencyKey && /^[A-Za-z0-9_-]{8,80}$/.test(f.idempotencyKey) ? f.idempotencyKey : undefined;
  return { name, phone, idNumber, employerName, employerAddress, employerRepresentative, dispute, facts, claimedFen, streetId, code, idempotencyKey };
}
