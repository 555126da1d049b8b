/** The holiday calendar's requests (issue 16): one schema each for validation and the OpenAPI document. */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { READABLE_PATTERN } from './grievance';
import { zhValidationMessage } from './zh-validation';

export const DAY_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const NOTE_MAX = 100;

export const dayParams = {
  type: 'object', required: ['day'],
  properties: { day: { type: 'string', pattern: DAY_PATTERN, description: '日期（北京时间），YYYY-MM-DD' } },
} as const;

const note = { type: 'string', maxLength: NOTE_MAX, pattern: READABLE_PATTERN, description: '说明，如“春节”“国庆节调休上班”' } as const;

/**
 * `rest` is an enum, not `type: boolean`: the app's Ajv coerces types (a form's "1" to 1), and "true", 1 or null must
 * be refused here rather than quietly read as a boolean.
 */
export const calendarDayBody = {
  type: 'object', additionalProperties: false, required: ['rest'],
  properties: { rest: { enum: [true, false], description: 'true：法定节假日（放假）；false：调休上班日' }, note },
} as const;

/** The staff page's form: the same, with the kind of day as a choice. */
export const calendarDayForm = {
  type: 'object', additionalProperties: false, required: ['day', 'dayType'],
  properties: { day: { type: 'string', pattern: DAY_PATTERN }, dayType: { type: 'string', enum: ['rest', 'work'] }, note },
} as const;

/** What to tell the person: the calendar's own fields by their names on the page, the rest as everywhere else. */
export function calendarValidationMessage(errors: FastifySchemaValidationError[]): string {
  const e = errors[0];
  if (!e) return '提交内容有误';
  const field = e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : e.instancePath.split('/').pop() ?? '';
  if (field === 'day') return e.keyword === 'required' ? '请填写日期' : '日期格式不正确，应为“2027-01-01”这样的年-月-日';
  if (field === 'rest') return '请说明该日放假还是调休上班（rest 应为 true 或 false）';
  if (field === 'dayType') return '请选择该日放假还是调休上班';
  if (field === 'note') return e.keyword === 'maxLength' ? `说明不能超过${NOTE_MAX}个字` : '说明含有无法显示的字符（如控制字符），请删除后重试';
  return zhValidationMessage(errors);
}
