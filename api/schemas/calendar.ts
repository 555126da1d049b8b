/** The holiday calendar's requests (issue 16): one schema each for validation and the OpenAPI document. */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { optionalText } from './grievance';
import { zhValidationMessage } from './zh-validation';

export const DAY_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const NOTE_MAX = 100;

export const dayParams = {
  type: 'object', required: ['day'],
  // format date: a day that does not exist (2027-02-29) is refused by the schema, as the body alone says so; the range
  // that may be set moves with today's date, so that stays a rule (422, api/services/calendar.ts checkDay).
  properties: { day: { type: 'string', pattern: DAY_PATTERN, format: 'date', description: '日期（北京时间），YYYY-MM-DD' } },
} as const;

const note = { ...optionalText(NOTE_MAX), description: '说明，如“春节”“国庆节调休上班”' } as const;

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

/**
 * What to tell the person: the calendar's own fields by their names on the page, the rest as everywhere else. `day`, when
 * given, is named in the answer to a day that does not exist, as checkDay does.
 */
export function calendarValidationMessage(errors: FastifySchemaValidationError[], day?: string): string {
  const e = errors[0];
  if (!e) return '提交内容有误';
  const field = e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : e.instancePath.split('/').pop() ?? '';
  if (field === 'day' && e.keyword === 'required') return '请填写日期';
  if (field === 'day' && e.keyword === 'format') return day === undefined ? '日期不存在，请核对年、月、日' : `日期不存在：“${day.slice(0, 20)}”`;
  if (field === 'day') return '日期格式不正确，应为“2027-01-01”这样的年-月-日';
  if (field === 'rest') return '请说明该日放假还是调休上班（rest 应为 true 或 false）';
  if (field === 'dayType') return '请选择该日放假还是调休上班';
  if (field === 'note') return e.keyword === 'maxLength' ? `说明不能超过${NOTE_MAX}个字` : '说明含有无法显示的字符（如控制字符），请删除后重试';
  return zhValidationMessage(errors);
}
