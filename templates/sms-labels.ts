/** How staff pages name an SMS's kind (its template) and its delivery state. */
export const SMS_KINDS: Record<string, string> = {
  'intake-notice': '受理通知（工会）', 'intake-receipt': '受理回执（职工）', 'enterprise-notice': '企业工会主席通知',
  'task-overdue': '超时督办', 'worker-taken': '承办通知（职工）', 'worker-outcome': '处理结果（职工）', 'worker-rate': '评价邀请（职工）',
  'phone-code': '验证码',
  'agreement-confirm': '调解协议确认码（当事人）', 'review-confirmed': '调解书出具（当事人）', 'mediation-transferred': '转入仲裁（当事人）',
  'installment-reminder': '付款提醒', 'installment-missed': '逾期未付通知', 'enforcement-filed': '申请强制执行（职工）',
};

export const SMS_STATES: Record<string, string> = { sent: '已发送', stored: '已存入发件箱', pending: '待发送', failed: '发送失败', rejected: '号码被拒绝' };
