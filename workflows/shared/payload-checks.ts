/** Checks of command payloads every kind's rules share: each failure is a typed InvalidPayload with a zh-CN message. */
import { domainError } from './domain-error';

const MAX_TEXT = 2000;
/** The same test as the API's schemas (READABLE_PATTERN): pages post text no schema has seen. */
const READABLE = /^(?:[\t\n\r]|(?![\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069])[^\p{Cc}\p{Cn}\p{Co}\p{Cs}])*$/u;

export function requireText(value: unknown, label: string, max = MAX_TEXT): void {
  if (typeof value !== 'string' || value.trim() === '') throw domainError('InvalidPayload', `请填写${label}`);
  if (value.length > max) throw domainError('InvalidPayload', `${label}不能超过${max}个字`);
  if (!READABLE.test(value)) throw domainError('InvalidPayload', `${label}含有无法显示的字符（如控制字符），请删除后重试`);
}

/** Money in fen: a whole number from min up to 100 million yuan. */
export function requireFen(value: unknown, label: string, min = 0): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > 10_000_000_000) {
    throw domainError('InvalidPayload', `${label}须为${min > 0 ? '大于零' : '不小于零'}的金额（以分计的整数）`);
  }
  return value as number;
}

/** A calendar date YYYY-MM-DD that exists (2026-02-30 and 2026-13-01 do not). */
export function requireDate(value: unknown, label: string): string {
  const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value) {
    throw domainError('InvalidPayload', `${label}不是有效的日期（格式：2026-12-31）`);
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw domainError('InvalidPayload', `请选择${label}`);
  return value as T;
}
