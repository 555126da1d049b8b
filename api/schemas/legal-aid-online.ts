/**
 * A worker's own application for legal aid online (api/services/legal-aid-online.ts): the JSON body, and the zh-CN
 * names of its fields. One worker (the applicant) and one employer; the employer's address and representative may be
 * unknown to the worker. Money in fen. The code comes from POST /api/v1/phone-codes with purpose 'file'.
 */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { ID, optionalText, PHONE_CODE, PHONE_PATTERN, text } from '../../workflows/shared/schema-primitives';
import { FIELD_LABELS, zhValidationMessage } from './zh-validation';

export const MAX_CLAIM_FEN = 10_000_000_000;

export const onlineApplicationBody = {
  type: 'object', additionalProperties: false,
  required: ['name', 'phone', 'idNumber', 'employerName', 'dispute', 'facts', 'claimedFen', 'streetId', 'code'],
  properties: {
    name: text(30),
    phone: { type: 'string', pattern: PHONE_PATTERN },
    /** 居民身份证号码; its check character is checked after the schema, before the code is spent */
    idNumber: { type: 'string', pattern: '^[0-9]{17}[0-9X]$' },
    employerName: text(100),
    employerAddress: optionalText(200),
    /** 法定代表人或主要负责人 */
    employerRepresentative: optionalText(30),
    /** what the dispute is about, as it reads after 因: 拖欠工资 */
    dispute: text(60),
    facts: text(4000),
    claimedFen: { type: 'integer', minimum: 0, maximum: MAX_CLAIM_FEN },
    /** the street where the worker works: its district's centre takes the application */
    streetId: ID,
    code: PHONE_CODE,
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

export interface OnlineApplication {
  name: string;
  phone: string;
  idNumber: string;
  employerName: string;
  employerAddress?: string;
  employerRepresentative?: string;
  dispute: string;
  facts: string;
  claimedFen: number;
  streetId: string;
  idempotencyKey?: string;
}

/** The fields as the application form names them (the shared labels name some of them for other forms). */
export const ONLINE_LABELS: Record<string, string> = {
  name: '姓名', phone: '手机号码', idNumber: '身份证号码', employerName: '用人单位名称', employerAddress: '用人单位地址',
  employerRepresentative: '用人单位负责人', dispute: '争议事项', facts: '事实经过', claimedFen: '请求金额', claimedYuan: '请求金额（元）',
  streetId: '所在街道', code: '验证码', idempotencyKey: '提交编号',
};

/** The app's zh-CN sentence for a schema refusal, with this form's name for the field. */
export function onlineValidationMessage(errors: FastifySchemaValidationError[]): string {
  const message = zhValidationMessage(errors);
  const e = errors[0];
  const field = e?.keyword === 'required' ? String((e.params as { missingProperty?: string }).missingProperty) : e?.instancePath.split('/').filter(Boolean).pop() ?? '';
  const ours = ONLINE_LABELS[field];
  if (!ours) return message;
  const shared = FIELD_LABELS[field] ?? `字段“${field}”`;
  return message.replace(shared, ours);
}
