/** How staff pages name an SMS's kind (its template, from every kind's registry entry) and its delivery state. */
import { smsTemplateLabels } from '../workflows/kinds/labels';

export const SMS_KINDS: Record<string, string> = smsTemplateLabels();

export const SMS_STATES: Record<string, string> = { sent: '已发送', stored: '已存入发件箱', pending: '待发送', failed: '发送失败', rejected: '号码被拒绝' };
