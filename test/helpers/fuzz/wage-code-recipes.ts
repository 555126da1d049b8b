/**
 * The 协商码's routes as the fuzzer sends them, on the setup's wage round ({W}): a post that would pass every check but
 * the code (phone A has no live code to post with), and code requests broken in the phone, the only field they read.
 */
import { postCodeBody, wagePostBody } from '../../../api/schemas/wage-code';
import { PHONE_PATTERN } from '../../../workflows/shared/schema-primitives';
import { fieldsOf, type Fields, type Recipe } from './recipe';

const code = { code: 'wageCode' as const };
const POST = { kind: 'suggestion', text: '建议把夜班补贴纳入本次协商', phone: '{phoneA}', phoneCode: '123456' };
const PHONE = { type: 'string' as const, required: true, notBlank: true, pattern: new RegExp(PHONE_PATTERN, 'u') };
/** what the page's form reader (api/services/wage-code/posting.ts) refuses, field by field */
const POST_FORM_FIELDS: Fields = {
  kind: { type: 'string', required: true, enum: ['suggestion', 'comment'] },
  text: { type: 'string', required: true, notBlank: true, maxLength: 500, readable: true },
  phone: PHONE, phoneCode: { type: 'string', required: true, pattern: /^[0-9]{6}$/u },
};

export function wageCodeRecipes(caseNoParam: { caseNo: 'caseNo' }): Record<string, Recipe> {
  // the fuzzed cases are grievances: the staff 协商码 pages answer them as no round (404)
  const staffCaseGet: Recipe = { audience: 'staff', params: caseNoParam, runs: 16 };
  return {
    'GET /negotiation/:code': { audience: 'anyone', params: code, runs: 16 },
    'POST /negotiation/:code/phone-code': { audience: 'anyone', enc: 'form', params: code, runs: 20, templates: [{ params: { code: '{W}' }, body: { kind: 'suggestion', text: '建议', phone: '{phoneA}' } }], fields: { phone: PHONE } },
    'POST /negotiation/:code/posts': { audience: 'anyone', enc: 'form', params: code, runs: 40, templates: [{ params: { code: '{W}' }, body: POST }], fields: POST_FORM_FIELDS },
    'GET /api/v1/negotiation-rounds/:code': { audience: 'anyone', params: code, runs: 16 },
    'POST /api/v1/negotiation-rounds/:code/phone-codes': {
      audience: 'anyone', enc: 'json', closed: true, params: code, runs: 20, templates: [{ params: { code: '{W}' }, body: { phone: '{phoneA}' } }], fields: fieldsOf(postCodeBody),
    },
    'POST /api/v1/negotiation-rounds/:code/posts': {
      audience: 'anyone', enc: 'json', closed: true, params: code, runs: 60, templates: [{ params: { code: '{W}' }, body: { ...POST, idempotencyKey: 'fuzz-wage-post-0001' } }], fields: fieldsOf(wagePostBody),
    },
    'GET /staff/cases/:caseNo/negotiation-code': staffCaseGet,
    'GET /staff/cases/:caseNo/negotiation-code/poster': staffCaseGet,
    'GET /staff/cases/:caseNo/negotiation-code/qr.png': staffCaseGet,
  };
}
