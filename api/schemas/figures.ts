/**
 * The figures' requests (issues 21 and 23): one schema each for validation and the OpenAPI document, and their zh-CN
 * refusals. Dates that match the pattern but do not exist (2026-02-30), ranges that run backwards or are too long are
 * refused by the services, which know the calendar.
 */
import type { FastifySchemaValidationError } from 'fastify/types/schema';

const DAY = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const MONTH = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' } as const;

export const figuresQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    by: { type: 'string', enum: ['street', 'caseworker', 'kind'], description: '分组：street 按街道、caseworker 按经办人（首位响应人）、kind 按案件类型（默认按街道）' },
    from: { ...DAY, description: '登记日期起（含，年-月-日，上海时间；默认一年前的次日）' },
    to: { ...DAY, description: '登记日期止（含；默认今天）' },
    street: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '只看该街道（街道编号）' },
  },
} as const;

export const stationFiguresQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    from: { ...MONTH, description: '起始月份（含，年-月；默认近12个月）' },
    to: { ...MONTH, description: '截止月份（含；默认本月）' },
  },
} as const;

const LABELS: Record<string, string> = { by: '分组方式', from: '起始日期', to: '截止日期', street: '街道', chart: '图表' };

export function figuresValidationMessage(errors: FastifySchemaValidationError[], months = false): string {
  const e = errors[0];
  if (!e) return '查询条件有误';
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `查询条件含有无法识别的项“${String(params.additionalProperty).slice(0, 20)}”`;
  if (e.keyword === 'required') return `请选择${LABELS[String(params.missingProperty)] ?? '查询条件'}`;
  const field = e.instancePath.split('/').filter(Boolean)[0] ?? '';
  const label = months && (field === 'from' || field === 'to') ? (field === 'from' ? '起始月份' : '截止月份') : LABELS[field] ?? '查询条件';
  if ((field === 'from' || field === 'to') && e.keyword === 'pattern') {
    return months ? `${label}应为“年-月”格式，如2026-01` : `${label}应为“年-月-日”格式的日期，如2026-01-31`;
  }
  if (e.keyword === 'enum') return `${label}不是可选的值`;
  if (e.keyword === 'maxLength' || e.keyword === 'minLength') return `${label}格式不正确`;
  return `${label}格式不正确`;
}
