/** Errors the API answers with: a status and a zh-CN message for the person in front of the form. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string, readonly code = 'BAD_REQUEST') {
    super(message);
  }
}

export const notFound = (what = '案件') => new HttpError(404, `${what}不存在`, 'NOT_FOUND');
export const forbidden = (message = '无权访问') => new HttpError(403, message, 'FORBIDDEN');
export const unauthorized = () => new HttpError(401, '请先登录', 'UNAUTHORIZED');
export const badRequest = (message: string) => new HttpError(400, message, 'BAD_REQUEST');
export const unavailable = () => new HttpError(503, '系统繁忙，请稍后再试', 'UNAVAILABLE');

/** Fastify's own 4xx codes, in the UI's language. */
export const FASTIFY_ERROR_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的提交格式',
  FST_ERR_CTP_BODY_TOO_LARGE: '提交的内容过大',
  FST_ERR_CTP_EMPTY_JSON_BODY: '提交的内容为空',
  FST_ERR_CTP_INVALID_JSON_BODY: '提交的内容不是有效的JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度不正确',
  FST_ERR_NOT_FOUND: '页面不存在',
};
