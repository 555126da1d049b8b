/**
 * A mediation case's forms (the case page's actions, the intake page): what people type → the commands' payloads.
 * Money in yuan with up to two decimals becomes fen; lists are typed one item a line, separated by a comma (either
 * width) or spaces; times are typed as Asia/Shanghai wall-clock. Only the shape is checked here, with the line that is
 * wrong named in zh-CN; what depends on the case (a party of it, sums, dates after today) is the kind's rules' word.
 */
import { REVIEW_DECLINE_GROUNDS, type ReviewDeclineGround } from './review-acceptance';
import { PAYMENT_ORDER_RESULTS, PROPERTY_LEAD_KINDS, type PaymentOrderResult, type PropertyLeadKind } from './after-agreement';
import { formError, yuanToFen, type FormBody } from '../../shared/present/form-values';
import type { OwnMediationAction } from './actions';
import { MAX_WORKERS, type MediationPayloads, type WorkerParty } from './model';

export type { FormBody };

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MAX_LINES = MAX_WORKERS + 1;
/** the rules' ceiling for one amount: 100 million yuan */
const MAX_FEN = 10_000_000_000;

/** One text field: a list (a repeated field) is refused, blank counts as not given. */
function one(f: FormBody, name: string, label: string): string | undefined {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw formError(`${label}只能填写一项`);
  return v.trim() === '' ? undefined : v;
}

function needed(f: FormBody, name: string, label: string): string {
  const v = one(f, name, label);
  if (v === undefined) throw formError(`请填写${label}`);
  return v;
}

function fenOf(text: string, label: string, where = ''): number {
  const fen = yuanToFen(text.replace(/[,，]/g, '').replace(/元$/, ''));
  if (fen === undefined) throw formError(`${where}${label}格式不正确（元，最多两位小数，例如 3500.50）`);
  return fen;
}

function wholeNumber(text: string | undefined, label: string): number {
  if (text === undefined || !/^[0-9]{1,6}$/.test(text.trim())) throw formError(`请选择${label}`);
  return Number(text.trim());
}

/** The lines of a textarea, blank ones skipped, each split on a comma of either width, a 、, a tab or spaces. */
function linesOf(text: string, label: string): { no: number; cells: string[] }[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ no: i + 1, line: line.trim() })).filter((l) => l.line !== '');
  if (lines.length === 0) throw formError(`请填写${label}`);
  if (lines.length > MAX_LINES) throw formError(`${label}最多${MAX_LINES}行`);
  // Commas (or tabs, pasted from a spreadsheet) when the line has them, so that a name may hold a space; else spaces.
  return lines.map(({ no, line }) => ({ no, cells: line.split(/[,，、\t]/.test(line) ? /\s*[,，、\t]\s*/ : /\s+/).filter((c) => c !== '') }));
}

/**
 * "姓名，手机号码，身份证号码，请求金额（元）[，送达地址]", one worker a line. A wrong line is named (第3行); the rules check the rest
 * (duplicates, the number of workers) and say which worker.
 */
export function parseWorkerLines(text: string | undefined): Omit<WorkerParty, 'partyNo'>[] {
  if (text === undefined || text.trim() === '') throw formError('请填写申请调解的职工（每行一人）');
  const lines = linesOf(text, '职工名单');
  if (lines.length > MAX_WORKERS) throw formError(`一个案件最多登记${MAX_WORKERS}位职工，人数更多的请分案登记`);
  return lines.map(({ no, cells }) => {
    const where = `职工名单第${no}行：`;
    if (cells.length !== 4 && cells.length !== 5) throw formError(`${where}应为“姓名，手机号码，身份证号码，请求金额（元）”四项（可加第五项送达地址），现为${cells.length}项`);
    const [name, phone, idNumber, yuan, address] = cells;
    if (address && address.length > 200) throw formError(`${where}送达地址不能超过200个字`);
    if (name.length > 50) throw formError(`${where}姓名不能超过50个字`);
    if (!/^1[3-9][0-9]{9}$/.test(phone.replace(/-/g, ''))) throw formError(`${where}手机号码应为11位数字`);
    if (!/^[0-9]{17}[0-9Xx]$/.test(idNumber)) throw formError(`${where}身份证号码应为18位（最后一位可为X）`);
    const claimedFen = fenOf(yuan, '请求金额', where);
    if (claimedFen > MAX_FEN) throw formError(`${where}请求金额不能超过1亿元`);
    return { name, phone: phone.replace(/-/g, ''), idNumber: idNumber.toUpperCase(), claimedFen, ...(address ? { address } : {}) };
  });
}

/** "当事人编号 金额（元）", one worker a line. */
export function parseTermLines(text: string | undefined): { partyNo: number; amountFen: number }[] {
  if (text === undefined || text.trim() === '') throw formError('请填写每位职工的调解金额');
  return linesOf(text, '调解金额').map(({ no, cells }) => {
    const where = `调解金额第${no}行：`;
    // A line copied from the form's own hint may carry the name after the number: "2 陈建国 80000".
    const numbers = cells.filter((c) => /^[0-9.,，]+元?$/.test(c));
    if (numbers.length !== 2) throw formError(`${where}应为“当事人编号 金额（元）”`);
    if (!/^[0-9]{1,4}$/.test(numbers[0])) throw formError(`${where}当事人编号应为数字`);
    return { partyNo: Number(numbers[0]), amountFen: fenOf(numbers[1], '金额', where) };
  });
}

/** "日期，金额（元）", one installment a line. */
export function parseInstallmentLines(text: string | undefined): { dueDate: string; amountFen: number }[] {
  if (text === undefined || text.trim() === '') throw formError('分期支付请填写各期的日期和金额（每行一期）');
  return linesOf(text, '分期计划').map(({ no, cells }) => {
    const where = `分期计划第${no}行：`;
    if (cells.length !== 2) throw formError(`${where}应为“日期，金额（元）”，例如 2026-12-31，1200000`);
    const date = cells[0].replace(/[./年月]/g, '-').replace(/日$/, '');
    const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(date);
    if (!m) throw formError(`${where}日期格式不正确（例如 2026-12-31）`);
    return { dueDate: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`, amountFen: fenOf(cells[1], '金额', where) };
  });
}

/** A datetime-local value ("2026-12-01T09:30"), read as Asia/Shanghai wall-clock → ISO (UTC). */
export function shanghaiLocalToIso(value: string | undefined, label: string): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?$/.exec(value?.trim() ?? '');
  if (!m) throw formError(`请填写${label}（日期和时间）`);
  const [, y, mo, d, h, mi, s = '0'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(utc);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) throw formError(`${label}不是有效的时间`);
  return new Date(utc - SHANGHAI_OFFSET_MS).toISOString();
}

function dateOf(value: string | undefined, label: string): string {
  if (value === undefined) throw formError(`请填写${label}`);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value.trim())) throw formError(`${label}格式不正确（例如 2026-12-31）`);
  return value.trim();
}

/** The checked boxes of a field: none, one (a string) or several (a list). */
function checked(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** the checkbox lists of the forms: the only fields that may come more than once */
const LIST_FIELDS = ['attendees', 'partyNos'];

export function mediationPayloadFromForm<A extends OwnMediationAction>(action: A, f: FormBody): MediationPayloads[A] {
  for (const [k, v] of Object.entries(f)) if (!LIST_FIELDS.includes(k) && Array.isArray(v)) throw formError(`字段“${k}”只能填写一项`);
  return payload(action, f) as MediationPayloads[A];
}

function payload(action: OwnMediationAction, f: FormBody): MediationPayloads[OwnMediationAction] {
  switch (action) {
    case 'setWorkers': return { workers: parseWorkerLines(one(f, 'workers', '职工名单')) };
    case 'electRepresentatives': {
      const partyNos = checked(f.partyNos).map((a) => wholeNumber(a, '职工代表'));
      if (partyNos.length === 0) throw formError('请勾选职工推举的代表');
      return { partyNos };
    }
    case 'scheduleSession': {
      const mode = one(f, 'mode', '调解方式');
      if (mode !== 'online' && mode !== 'in_person') throw formError('请选择线上或现场调解');
      return { at: shanghaiLocalToIso(one(f, 'at', '调解时间'), '调解时间'), mode, place: one(f, 'place', '调解地点') };
    }
    case 'recordSession': {
      const attendees = checked(f.attendees).map((a) => wholeNumber(a, '到场的当事人'));
      if (attendees.length === 0) throw formError('请勾选到场（或在线参加）的当事人');
      return { sessionNo: wholeNumber(one(f, 'sessionNo', '调解场次'), '调解场次'), attendees, notes: needed(f, 'notes', '调解记录') };
    }
    case 'draftAgreement': {
      const kind = one(f, 'paymentKind', '支付方式');
      if (kind !== 'lump-sum' && kind !== 'installments') throw formError('请选择一次性支付或分期支付');
      return {
        terms: parseTermLines(one(f, 'terms', '调解金额')),
        totalFen: fenOf(needed(f, 'totalYuan', '调解总金额'), '调解总金额'),
        payment: kind === 'lump-sum'
          ? { kind, dueDate: dateOf(one(f, 'dueDate', '支付日期'), '支付日期') }
          : { kind, installments: parseInstallmentLines(one(f, 'installments', '分期计划')) },
        paymentMethod: needed(f, 'paymentMethod', '支付方式说明'),
      };
    }
    case 'resendCode': return { partyNo: wholeNumber(one(f, 'partyNo', '当事人'), '当事人') };
    case 'refuse': {
      const side = one(f, 'side', '拒绝调解的一方');
      if (side !== 'worker' && side !== 'employer') throw formError('请选择拒绝调解的一方');
      return { side, reason: needed(f, 'reason', '拒绝理由') };
    }
    case 'submitForReview': return { note: one(f, 'note', '备注') };
    case 'requestLegalAid': return { note: one(f, 'note', '说明') };
    case 'confirmReview': return { decisionNo: needed(f, 'decisionNo', '调解书文号'), effectiveOn: dateOf(one(f, 'effectiveOn', '调解书生效日期'), '调解书生效日期') };
    case 'acceptReview': return { noticeNo: one(f, 'noticeNo', '受理通知书文号') };
    case 'declineReview': {
      const ground = one(f, 'ground', '不予受理的情形');
      if (!ground || !Object.hasOwn(REVIEW_DECLINE_GROUNDS, ground)) throw formError('请选择不予受理的情形（第七十五条）');
      return { ground: ground as ReviewDeclineGround, reason: one(f, 'reason', '说明') };
    }
    case 'extendReview': return { approvedBy: needed(f, 'approvedBy', '批准延期的负责人'), reason: needed(f, 'reason', '延期理由') };
    case 'rejectReview': {
      const next = one(f, 'next', '退回调解或转入仲裁');
      if (next !== 'mediation' && next !== 'arbitration') throw formError('请选择退回调解或转入仲裁');
      return { reason: needed(f, 'reason', '不予确认的理由'), next };
    }
    case 'withdrawWorker': {
      const settled = one(f, 'settled', '是否已足额支付') === 'yes';
      const paid = one(f, 'recoveredYuan', '职工已收到的金额');
      return { partyNo: wholeNumber(one(f, 'partyNo', '职工'), '职工'), reason: needed(f, 'reason', '撤回理由'), settled, ...(settled && paid ? { recoveredFen: fenOf(paid, '职工已收到的金额') } : {}) };
    }
    case 'splitOffWorker': {
      const next = one(f, 'next', '分案后单独调解或转入仲裁');
      if (next !== 'mediation' && next !== 'arbitration') throw formError('请选择分案后单独调解或转入仲裁');
      return { partyNo: wholeNumber(one(f, 'partyNo', '职工'), '职工'), reason: needed(f, 'reason', '分案理由'), next };
    }
    case 'extendMediation': {
      const how = one(f, 'how', '同意的方式') ?? 'in_person';
      if (!['in_person', 'phone', 'written', 'online'].includes(how)) throw formError('请选择同意的方式');
      const consents = (['worker', 'employer'] as const).map((side) => ({ side, name: needed(f, `${side}Consent`, side === 'worker' ? '职工一方同意人' : '用人单位一方同意人'), how: how as 'in_person' }));
      return { until: dateOf(one(f, 'until', '延长后的调解期限'), '延长后的调解期限'), consents };
    }
    case 'correctParty': {
      const field = one(f, 'field', '更正的项目');
      if (field !== 'address' && field !== 'creditCode' && field !== 'representative' && field !== 'phone') throw formError('请选择更正的项目');
      return { partyNo: wholeNumber(one(f, 'partyNo', '当事人'), '当事人'), field, value: needed(f, 'value', '更正后的内容') };
    }
    case 'recordPropertyLead': {
      const kind = one(f, 'kind', '财产线索的类别');
      if (!kind || !Object.hasOwn(PROPERTY_LEAD_KINDS, kind)) throw formError('请选择财产线索的类别');
      return { kind: kind as PropertyLeadKind, detail: needed(f, 'detail', '财产线索的内容'), location: one(f, 'location', '财产所在地') };
    }
    case 'chooseEnforcementCourt': {
      const basis = one(f, 'basis', '申请执行的法院');
      if (basis !== 'registered' && basis !== 'property') throw formError('请选择申请执行的法院');
      return { basis, courtUnitId: basis === 'property' ? needed(f, 'courtUnitId', '财产所在地的人民法院') : undefined, reason: one(f, 'reason', '选择理由') };
    }
    case 'performWithoutReview': {
      const claim = one(f, 'paymentClaim', '调解协议涉及的事项');
      if (claim !== 'yes' && claim !== 'no') throw formError('请选择调解协议是否涉及拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金');
      return { reason: needed(f, 'reason', '不申请仲裁审查的原因'), paymentClaim: claim === 'yes' };
    }
    case 'recordPaymentOrder': {
      const result = one(f, 'result', '法院的处理结果');
      if (!result || !Object.hasOwn(PAYMENT_ORDER_RESULTS, result)) throw formError('请选择法院的处理结果');
      return { result: result as PaymentOrderResult, orderNo: one(f, 'orderNo', '文号'), note: one(f, 'note', '说明') };
    }
    case 'recordPayment':
      return { installmentNo: wholeNumber(one(f, 'installmentNo', '期数'), '期数'), paidFen: fenOf(needed(f, 'paidYuan', '付款金额'), '付款金额') };
  }
}
