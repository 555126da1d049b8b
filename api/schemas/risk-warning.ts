/** The early warning's requests: one schema each for validation and the OpenAPI document, and their zh-CN refusals. */
import type { FastifySchemaValidationError } from 'fastify/types/schema';

export const riskQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    colour: { type: 'string', enum: ['none', 'blue', 'yellow', 'red'], description: '只看该颜色：none 无、blue 蓝、yellow 黄、red 红' },
    type: { type: 'string', enum: ['street', 'enterprise'], description: '只看街道（园区）或企业' },
    street: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '只看该街道及其企业（街道编号）' },
    months: { type: 'integer', minimum: 3, maximum: 24, description: '趋势图的月数（3–24，默认12）' },
  },
} as const;

export const FOLLOW_UP_PATTERN = '^risk-(street|enterprise)-[A-Za-z0-9_-]{1,64}-(blue|yellow|red)-[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const followUpParams = {
  type: 'object', required: ['followupId'],
  properties: { followupId: { type: 'string', maxLength: 120, pattern: FOLLOW_UP_PATTERN, description: '处置任务编号' } },
} as const;

export const followUpDoneBody = {
  type: 'object', additionalProperties: false, required: ['note'],
  properties: { note: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S', description: '处置情况（走访、约谈或检查的结果）' } },
} as const;

const LABELS: Record<string, string> = { colour: '预警颜色', type: '单位类型', street: '街道', months: '月数', followupId: '处置任务编号', note: '处置情况' };

export function riskValidationMessage(errors: FastifySchemaValidationError[]): string {
  const e = errors[0];
  if (!e) return '提交内容有误';
  const params = e.params as Record<string, unknown>;
  const field = e.keyword === 'required' ? String(params.missingProperty) : e.instancePath.split('/').filter(Boolean).pop() ?? '';
  const label = LABELS[field] ?? '提交内容';
  switch (e.keyword) {
    case 'required': return `请填写${label}`;
    case 'enum': return `${label}的取值无效`;
    case 'minimum': return `${label}不能小于${params.limit}`;
    case 'maximum': return `${label}不能大于${params.limit}`;
    case 'maxLength': return `${label}不能超过${params.limit}个字`;
    case 'minLength': return `请填写${label}`;
    case 'pattern': return params.pattern === '\\S' ? `请填写${label}` : `${label}格式不正确`;
    case 'additionalProperties': return `不能提交未定义的字段“${String(params.additionalProperty)}”`;
    default: return `${label}格式不正确`;
  }
}
