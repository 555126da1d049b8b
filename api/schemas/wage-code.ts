/**
 * The 协商码's JSON API (api/routes/api-v1/negotiation.ts): the round's public code in the path, a worker's post and
 * the code request in the body, and the round as the page shows it. The code comes from
 * POST /api/v1/negotiation-rounds/{code}/phone-codes, and each post spends one.
 */
import { PHONE, PHONE_CODE, text } from '../../workflows/shared/schema-primitives';

export const roundCodeParams = {
  type: 'object', required: ['code'],
  properties: { code: { type: 'string', maxLength: 64, description: '协商码（二维码链接末尾的16位字符）' } },
} as const;

export const postCodeBody = { type: 'object', additionalProperties: false, required: ['phone'], properties: { phone: PHONE } } as const;

export const wagePostBody = {
  type: 'object', additionalProperties: false, required: ['kind', 'text', 'phone', 'phoneCode'],
  properties: {
    kind: { type: 'string', enum: ['suggestion', 'comment'], description: 'suggestion 建议（计入建议数），comment 评论' },
    text: text(500),
    phone: PHONE,
    phoneCode: PHONE_CODE,
    idempotencyKey: { type: 'string', minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' },
  },
} as const;

export interface WagePostBody {
  kind: 'suggestion' | 'comment';
  text: string;
  phone: string;
  phoneCode: string;
  idempotencyKey?: string;
}

const clause = { type: 'object', properties: { item: { type: 'string' }, terms: { type: 'string' } } };

/** the round as GET answers it (api/services/wage-code/round.ts publicRound) */
export const publicRoundProperties = {
  enterpriseName: { type: 'string' }, year: { type: 'integer' }, stage: { type: 'string' }, stageText: { type: 'string', description: '当前环节（写给职工）' },
  open: { type: 'boolean', description: '是否接受留言' },
  offers: { type: 'array', items: { type: 'object', properties: { offerNo: { type: 'integer' }, side: { type: 'string' }, sideName: { type: 'string' }, round: { type: 'integer' }, clauses: { type: 'array', items: clause }, note: { type: 'string' }, madeAt: { type: 'string' } } } },
  agreement: { type: ['object', 'null'], properties: { lines: { type: 'array', items: { type: 'string' } }, effectiveOn: { type: ['string', 'null'] }, publishedAt: { type: 'string' } } },
  suggestions: { type: 'integer', description: '建议数（不含已删除）' }, comments: { type: 'integer' },
  posts: { type: 'array', items: { type: 'object', properties: { postNo: { type: 'integer' }, kind: { type: 'string' }, text: { type: 'string' }, phoneMasked: { type: 'string' }, postedAt: { type: 'string' } } } },
};

const FIELDS: Record<string, string> = {
  kind: '请选择留言类型：建议（suggestion）或评论（comment）', text: '留言内容须为1到500个字，且不含无法显示的字符',
  phone: '请填写正确的11位手机号', phoneCode: '请填写短信中的6位验证码', idempotencyKey: '提交编号应为8到80位字母、数字、-或_',
  'idempotency-key': '请求头 Idempotency-Key 应为8到80位字母、数字、-或_',
};

/** The zh-CN sentence for a refused post body, said for its field. */
export function wagePostValidationMessage(errors: { keyword: string; instancePath: string; params: Record<string, unknown> }[]): string {
  const e = errors[0];
  const field = e?.keyword === 'required' ? String(e.params.missingProperty) : e?.keyword === 'additionalProperties' ? '' : e?.instancePath.split('/').filter(Boolean)[0] ?? '';
  if (e?.keyword === 'additionalProperties') return `不认识的字段“${String(e.params.additionalProperty)}”`;
  return FIELDS[field] ?? '请求格式不正确';
}
