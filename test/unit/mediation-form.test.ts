/** The mediation page forms' text → payloads: what people type on a phone or at a desk, and what is said when it is wrong. */
import { describe, expect, it } from 'vitest';
import {
  mediationPayloadFromForm, parseInstallmentLines, parseTermLines, parseWorkerLines, shanghaiLocalToIso,
} from '../../workflows/kinds/mediation/form';

const refusal = (fn: () => unknown) => {
  try { fn(); } catch (err) { return { status: (err as { statusCode: number }).statusCode, message: (err as Error).message }; }
  throw new Error('not refused');
};

describe('the workers textarea', () => {
  it('reads one worker a line, with commas of either width, spaces and blank lines', () => {
    expect(parseWorkerLines('陈建国，13805920001，350203198001011234，80000\n\n 林海燕, 138-0592-0002 ,35020319850202123x, 42000.5 ')).toEqual([
      { name: '陈建国', phone: '13805920001', idNumber: '350203198001011234', claimedFen: 8_000_000 },
      { name: '林海燕', phone: '13805920002', idNumber: '35020319850202123X', claimedFen: 4_200_050 },
    ]);
  });

  it('keeps a space inside a name when the line is separated by commas, and takes a line pasted from a spreadsheet', () => {
    expect(parseWorkerLines('阿不都 热合曼，13805920003，650102199001011234，5000')[0].name).toBe('阿不都 热合曼');
    expect(parseWorkerLines('陈建国\t13805920001\t350203198001011234\t80000')[0].claimedFen).toBe(8_000_000);
  });

  it('names the line that is wrong', () => {
    expect(refusal(() => parseWorkerLines('陈建国，13805920001，350203198001011234，80000\n林海燕，13805920002，42000'))).toEqual({ status: 400, message: '职工名单第2行：应为“姓名，手机号码，身份证号码，请求金额（元）”四项（可加第五项送达地址），现为3项' });
    expect(refusal(() => parseWorkerLines('陈建国，1380592000，350203198001011234，80000')).message).toBe('职工名单第1行：手机号码应为11位数字');
    expect(refusal(() => parseWorkerLines('陈建国，13805920001，35020319800101123，80000')).message).toContain('身份证号码应为18位');
    expect(refusal(() => parseWorkerLines('陈建国，13805920001，350203198001011234，八万')).message).toContain('请求金额格式不正确');
    expect(refusal(() => parseWorkerLines('陈建国，13805920001，350203198001011234，80000.001')).message).toContain('最多两位小数');
    expect(refusal(() => parseWorkerLines(' \n ')).message).toBe('请填写申请调解的职工（每行一人）');
  });
});

describe('the agreement form', () => {
  it('reads "party number amount" lines, a name in between kept for the reader', () => {
    expect(parseTermLines('2 陈建国 80000.00\n3，42000.5')).toEqual([{ partyNo: 2, amountFen: 8_000_000 }, { partyNo: 3, amountFen: 4_200_050 }]);
    expect(refusal(() => parseTermLines('2 陈建国')).message).toBe('调解金额第1行：应为“当事人编号 金额（元）”');
  });

  it('reads installments as date and amount, dates with slashes or 年月日 too', () => {
    expect(parseInstallmentLines('2030-1-5，1200000\n2030年2月5日 1200000.50')).toEqual([
      { dueDate: '2030-01-05', amountFen: 120_000_000 }, { dueDate: '2030-02-05', amountFen: 120_000_050 },
    ]);
    expect(refusal(() => parseInstallmentLines('下个月，1200000')).message).toContain('分期计划第1行：日期格式不正确');
  });

  it('builds the draft with a lump sum or installments', () => {
    const common = { terms: '2 100\n3 50.5', totalYuan: '150.50', paymentMethod: '银行转账' };
    expect(mediationPayloadFromForm('draftAgreement', { ...common, paymentKind: 'lump-sum', dueDate: '2030-01-31', installments: '' })).toEqual({
      terms: [{ partyNo: 2, amountFen: 10_000 }, { partyNo: 3, amountFen: 5_050 }], totalFen: 15_050, paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: '2030-01-31' },
    });
    expect(mediationPayloadFromForm('draftAgreement', { ...common, paymentKind: 'installments', installments: '2030-01-31，100\n2030-02-28，50.50' }).payment)
      .toEqual({ kind: 'installments', installments: [{ dueDate: '2030-01-31', amountFen: 10_000 }, { dueDate: '2030-02-28', amountFen: 5_050 }] });
    expect(refusal(() => mediationPayloadFromForm('draftAgreement', { ...common })).message).toBe('请选择一次性支付或分期支付');
    expect(refusal(() => mediationPayloadFromForm('draftAgreement', { ...common, paymentKind: 'lump-sum' })).message).toBe('请填写支付日期');
  });
});

describe('the other forms', () => {
  it('reads a datetime-local value as Shanghai wall-clock', () => {
    expect(shanghaiLocalToIso('2030-01-02T10:00', '调解时间')).toBe('2030-01-02T02:00:00.000Z');
    expect(refusal(() => shanghaiLocalToIso('2030-02-30T10:00', '调解时间')).message).toBe('调解时间不是有效的时间');
    expect(refusal(() => shanghaiLocalToIso('明天上午', '调解时间')).message).toBe('请填写调解时间（日期和时间）');
  });

  it('reads ticked attendees, one or several, and refuses a list where one value belongs', () => {
    expect(mediationPayloadFromForm('recordSession', { sessionNo: '1', attendees: '1', notes: '到场' }).attendees).toEqual([1]);
    expect(mediationPayloadFromForm('recordSession', { sessionNo: '1', attendees: ['1', '2'], notes: '到场' }).attendees).toEqual([1, 2]);
    expect(refusal(() => mediationPayloadFromForm('recordSession', { sessionNo: '1', notes: '到场' })).message).toBe('请勾选到场（或在线参加）的当事人');
    expect(refusal(() => mediationPayloadFromForm('refuse', { side: ['worker', 'employer'], reason: '不同意' })).message).toBe('字段“side”只能填写一项');
  });

  it('reads the ticked representatives, one or several, and asks for them when none is ticked', () => {
    expect(mediationPayloadFromForm('electRepresentatives', { partyNos: ['5', '9', '20'] })).toEqual({ partyNos: [5, 9, 20] });
    expect(mediationPayloadFromForm('electRepresentatives', { partyNos: '5' })).toEqual({ partyNos: [5] });
    expect(refusal(() => mediationPayloadFromForm('electRepresentatives', {})).message).toBe('请勾选职工推举的代表');
    expect(refusal(() => mediationPayloadFromForm('electRepresentatives', { partyNos: ['5', 'x'] })).message).toBe('请选择职工代表');
  });

  it('turns a payment in yuan into fen', () => {
    expect(mediationPayloadFromForm('recordPayment', { installmentNo: '2', paidYuan: '1,200,000.50' })).toEqual({ installmentNo: 2, paidFen: 120_000_050 });
    expect(refusal(() => mediationPayloadFromForm('recordPayment', { installmentNo: '', paidYuan: '1' })).message).toBe('请选择期数');
  });
});
