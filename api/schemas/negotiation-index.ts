/** The negotiation index's requests (issue 22): one schema each for validation and the OpenAPI document. */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { NAME_MAX } from '../../workflows/shared/negotiation-index/validate';

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
const CODE_PATTERN = '^[A-Z]{2}[0-9]{0,2}(\\.[0-9]{1,2})?$';
const year = { type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX, description: '年度，如 2026' } as const;

export const yearQuery = {
  type: 'object', additionalProperties: false,
  properties: { year, street: { type: 'string', minLength: 1, maxLength: 64, description: '图表只画该街道及其企业（街道编号）' } },
} as const;

export const treeEditBody = {
  type: 'object', additionalProperties: false, required: ['version', 'nodes'],
  properties: {
    version: { type: 'integer', minimum: 1, description: '所修改的指标体系版本（防止覆盖他人同时所作的修改）' },
    note: { type: 'string', maxLength: 100, description: '修改说明' },
    nodes: {
      type: 'array', maxItems: 200, description: '要修改的指标（按编码），名称和权重可只改其一；每一级权重之和须为1',
      items: {
        type: 'object', additionalProperties: false, required: ['code'],
        properties: {
          code: { type: 'string', pattern: CODE_PATTERN }, name: { type: 'string', minLength: 1, maxLength: NAME_MAX, pattern: '\\S' },
          weight: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        },
      },
    },
  },
} as const;

export const valuesParams = {
  type: 'object', required: ['enterpriseId', 'year'],
  properties: { enterpriseId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }, year },
} as const;

export const valuesBody = {
  type: 'object', additionalProperties: false, required: ['values'],
  properties: {
    values: {
      type: 'object', maxProperties: 100, propertyNames: { pattern: CODE_PATTERN },
      additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] },
      description: '三级指标编码 → 数值（null 清除该项）；未列出的指标保持不变',
    },
  },
} as const;

const LABELS: Record<string, string> = {
  year: '年度', street: '街道', version: '版本', note: '修改说明', nodes: '指标', code: '指标编码', name: '指标名称', weight: '权重',
  values: '数据', enterpriseId: '企业',
};

/** One zh-CN sentence naming the field: the index's own fields (its `code` is an indicator's, not a phone code). */
export function indexValidationMessage(errors: FastifySchemaValidationError[]): string {
  const e = errors[0];
  if (!e) return '提交内容有误';
  const params = e.params as Record<string, unknown>;
  const path = e.instancePath.split('/').filter(Boolean);
  const field = e.keyword === 'required' ? String(params.missingProperty) : [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  const label = LABELS[field] ?? (path[0] === 'values' ? `指标“${field.slice(0, 20)}”的数值` : '提交内容');
  if (e.keyword === 'required') return `缺少${label}`;
  if (field === 'year') return `年度应为${YEAR_MIN}到${YEAR_MAX}之间的整数`;
  if (field === 'weight') return '权重应为大于0且不超过1的数';
  if (e.keyword === 'propertyNames' || e.keyword === 'pattern') return `${label}格式不正确`;
  if (e.keyword === 'maxLength') return `${label}过长`;
  if (e.keyword === 'additionalProperties') return `提交内容含有无法识别的项“${String(params.additionalProperty).slice(0, 20)}”`;
  return `${label}不正确`;
}
