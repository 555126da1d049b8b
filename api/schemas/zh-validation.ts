/** Turns Ajv's validation errors into one zh-CN sentence naming the field the way the form does. */
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import { READABLE_PATTERN } from './grievance';

export const FIELD_LABELS: Record<string, string> = {
  complainantName: '姓名', complainantPhone: '手机号', phone: '手机号', enterpriseId: '所在企业', enterpriseName: '企业名称',
  streetId: '所在街道', category: '诉求类别', description: '诉求描述', claimedFen: '诉求金额', claimedYuan: '诉求金额',
  workerCount: '涉及人数', idempotencyKey: '提交编号', 'idempotency-key': '提交编号（Idempotency-Key）', note: '办理情况', reason: '理由', outcome: '处理结果',
  recoveredFen: '追回金额', recoveredYuan: '追回金额', explanation: '解释说明', department: '协作部门', taskId: '任务',
  score: '评分', comment: '评价内容', username: '用户名', password: '密码', caseNo: '查询编号', action: '操作',
  employerName: '用人单位名称', creditCode: '统一社会信用代码', employerAddress: '用人单位地址', representative: '法定代表人',
  employerPhone: '用人单位联系电话', workers: '职工名单', dispute: '争议事项', appliedAt: '收到调解申请的时间', referralNo: '委托调解编号', disputeArose: '争议发生之日', employmentInDispute: '是否涉及确认劳动关系',
  phoneCode: '验证码', q: '搜索内容', topic: '主题', limit: '条数', slug: '网址名', kind: '类型', title: '标题', law: '法律名称',
  article: '条款（如“第四十四条”）', summary: '摘要', body: '正文', keywords: '搜索关键词', published: '发布状态', id: '条目', code: '验证码', purpose: '验证码用途', link: '专属链接', text: '补充说明', _key: '提交编号',
  to: '接收待办的工作人员', from: '转出待办的工作人员', cases: '案件',
};

/** A body that must hold one of two sets of fields: what to say when the second set is incomplete. */
const ALTERNATIVES: Record<string, string> = {
  enterpriseName: '请选择所在企业，或填写企业名称',
  streetId: '填写企业名称时请选择所在街道',
  code: '请填写短信验证码，或通过短信中的专属链接打开',
  caseNo: '请填写查询编号',
  phone: '请填写手机号',
};

function fieldOf(e: FastifySchemaValidationError): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return String(params.missingProperty);
  // an item of a list (/cases/0) is named by its list
  const path = e.instancePath.split('/').filter((p) => p && !/^[0-9]+$/.test(p));
  return path[path.length - 1] ?? '';
}

export function zhMessage(e: FastifySchemaValidationError): string {
  const field = fieldOf(e);
  const label = FIELD_LABELS[field] ?? (field ? `字段“${field}”` : '提交内容');
  const params = e.params as Record<string, number>;
  switch (e.keyword) {
    case 'required': return `请填写${label}`;
    case 'maxLength': return `${label}不能超过${params.limit}个字`;
    case 'minLength': return params.limit <= 1 ? `请填写${label}` : `${label}至少需要${params.limit}个字`;
    case 'pattern': {
      const pattern = (params as unknown as { pattern: string }).pattern;
      // The "\S" pattern only says "not blank": a field of spaces was left empty, as the person sees it.
      if (pattern === '\\S') return `请填写${label}`;
      if (pattern === READABLE_PATTERN) return `${label}含有无法显示的字符（如控制字符），请删除后重试`;
      return `${label}格式不正确`;
    }
    case 'format': return `${label}格式不正确`;
    case 'minimum': case 'exclusiveMinimum': return `${label}不能小于${params.limit}`;
    case 'maximum': case 'exclusiveMaximum': return `${label}不能大于${params.limit}`;
    case 'enum': return `${label}的取值无效`;
    case 'type': return `${label}格式不正确`;
    case 'additionalProperties': return `不能提交未定义的字段“${(params as unknown as { additionalProperty: string }).additionalProperty}”`;
    default: return `${label}填写有误`;
  }
}

export function zhValidationMessage(errors: FastifySchemaValidationError[]): string {
  if (errors.length === 0) return '提交内容有误';
  // anyOf/oneOf: Ajv lists each branch's first failure, then the combinator; the last branch is the fuller way.
  const last = errors[errors.length - 1];
  if (last.keyword === 'anyOf' || last.keyword === 'oneOf') {
    const branch = [...errors].reverse().find((e) => e.keyword === 'required' && /^#\/(anyOf|oneOf)\/\d+\/required$/.test(e.schemaPath ?? ''));
    const missing = String((branch?.params as Record<string, unknown> | undefined)?.missingProperty ?? '');
    const shaped = errors.find((e) => e.keyword !== 'required' && e !== last);
    if (shaped) return zhMessage(shaped);
    return ALTERNATIVES[missing] ?? '提交内容填写不完整';
  }
  return zhMessage(errors[0]);
}
