/**
 * What an operation can answer, for the OpenAPI document (issue 15): its success body and every error it may give,
 * each error with the one error body the API uses. Success bodies list their main fields and allow more
 * (additionalProperties), so describing them never drops a field from an answer. 400 is a request that does not match
 * its schema; 422 one that does and that a rule refuses (api/plugins/app/error-handler.ts refusedByRule).
 */
import { errorBody } from './grievance';

const ERROR_TEXT: Record<number, string> = {
  400: '请求有误（中文说明见 message）', 401: '未登录或令牌无效', 403: '无权操作', 404: '不存在，或不是您的案件', 405: '不支持该请求方法',
  409: '与案件当前环节冲突', 413: '提交的内容过大', 415: '不支持的提交格式',
  422: '格式正确，但不符合业务规则（如验证码不正确、所选企业不存在；中文说明见 message）', 429: '尝试次数过多', 503: '系统繁忙，请稍后再试',
};

export function answers(success: Record<number, { description: string; properties?: Record<string, unknown> }>, ...errors: number[]) {
  const out: Record<number, unknown> = {};
  for (const [status, s] of Object.entries(success)) {
    out[Number(status)] = s.properties
      ? { description: s.description, type: 'object', properties: s.properties, additionalProperties: true }
      : { description: s.description, type: 'null' };
  }
  for (const status of [400, 413, 415, ...errors]) out[status] = { description: ERROR_TEXT[status], ...errorBody };
  return out;
}
