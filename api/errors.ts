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

/** Fastify's and its plugins' own 4xx codes: the app's code (framework codes never reach a client) and a zh-CN message. */
export const FASTIFY_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的提交格式' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  // @fastify/multipart (the scan of a signed agreement)
  FST_REQ_FILE_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大（扫描件不能超过10MB）' },
  FST_FILES_LIMIT: { code: 'BAD_REQUEST', message: '一次只能上传一个扫描件' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以表单上传扫描件' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: '提交的内容为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: '提交的内容不是有效的JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: '请求长度不正确' },
  FST_ERR_NOT_FOUND: { code: 'NOT_FOUND', message: '页面不存在' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: '请求地址格式不正确' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: '请求地址过长' },
  FST_CSRF_MISSING_SECRET: { code: 'FORBIDDEN', message: '页面已过期，请返回并刷新页面后重新提交' },
  FST_CSRF_INVALID_TOKEN: { code: 'FORBIDDEN', message: '页面已过期或来源不明，请返回并刷新页面后重新提交' },
};
