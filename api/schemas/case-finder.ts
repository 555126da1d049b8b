/**
 * The case finder's filter (issue 23): one schema for the page, the CSV, the JSON list and the OpenAPI document. The
 * kinds, categories and stages it accepts are read off the registry, so a kind added later is found without a change
 * here; a street or an enterprise is checked against the viewer's area by the service (it is data, not a schema).
 */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { CASE_KINDS } from '../../workflows/kinds';

const union = (pick: (labels: (typeof CASE_KINDS)[number]['labels']) => Record<string, string>) =>
  [...new Set(CASE_KINDS.flatMap((k) => Object.keys(pick(k.labels))))].sort();

export const KIND_VALUES = CASE_KINDS.map((k) => k.kind);
export const CATEGORY_VALUES = union((l) => l.categories);
export const STAGE_VALUES = union((l) => l.stages);
const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const UNIT_ID = '^[A-Za-z0-9_-]{1,64}$';
/** the last row of the previous page: its created time (ISO, UTC) and number, joined by '~' */
export const CURSOR_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,15}Z~[0-9A-Z]{2,20}$';
export const PAGE_MAX = 200;
/** the most rows one CSV holds: beyond it, narrow the filter (a spreadsheet of more is no one's reading) */
export const CSV_ROW_CAP = 50_000;

export const filterProperties = {
  street: { type: 'string', pattern: UNIT_ID, description: '街道（街道编号）' },
  enterprise: { type: 'string', pattern: UNIT_ID, description: '企业（企业编号）' },
  kind: { type: 'string', enum: KIND_VALUES, description: '案件类型' },
  category: { type: 'string', enum: CATEGORY_VALUES, description: '诉求类别' },
  stage: { type: 'string', enum: STAGE_VALUES, description: '所处环节' },
  overdue: { type: 'string', enum: ['yes', 'no'], description: 'yes：有超过办理时限的未办结任务；no：没有' },
  from: { type: 'string', pattern: DATE, description: '登记日期起（含，北京时间，如 2026-01-01）' },
  to: { type: 'string', pattern: DATE, description: '登记日期止（含）' },
  rating: { type: 'integer', minimum: 1, maximum: 5, description: '职工评分（1–5）' },
} as const;

export const caseListQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    ...filterProperties,
    after: { type: 'string', pattern: CURSOR_PATTERN, description: '上一页返回的 next，取下一页' },
    limit: { type: 'integer', minimum: 1, maximum: PAGE_MAX, description: `每页条数（1–${PAGE_MAX}，默认50）` },
  },
} as const;

export const savedFilterBody = {
  type: 'object', additionalProperties: false, required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S', description: '名称' },
    ...filterProperties,
  },
} as const;

export const savedFilterParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
} as const;

const LABELS: Record<string, string> = {
  street: '街道', enterprise: '企业', kind: '案件类型', category: '诉求类别', stage: '环节', overdue: '是否超时',
  from: '登记日期起', to: '登记日期止', rating: '评分', after: '翻页位置', limit: '每页条数', name: '名称', id: '筛选条件编号',
};

/** One zh-CN sentence naming the field that is wrong. */
export function finderValidationMessage(errors: FastifySchemaValidationError[]): string {
  const e = errors[0];
  if (!e) return '筛选条件有误';
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `筛选条件含有无法识别的项“${String(params.additionalProperty).slice(0, 20)}”`;
  const field = e.keyword === 'required' ? String(params.missingProperty) : e.instancePath.split('/').filter(Boolean)[0] ?? '';
  const label = LABELS[field] ?? '筛选条件';
  if (e.keyword === 'required') return `请填写${label}`;
  if (field === 'rating') return '评分应为1到5之间的整数';
  if (field === 'limit') return `每页条数应为1到${PAGE_MAX}之间的整数`;
  if (field === 'from' || field === 'to') return `${label}应为“年-月-日”格式的日期，如2026-01-31`;
  if (e.keyword === 'enum') return `${label}不是可选的值`;
  if (e.keyword === 'maxLength') return `${label}过长`;
  return `${label}格式不正确`;
}
