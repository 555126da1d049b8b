/**
 * The seven documents of a legal-aid case (DOMAIN §4), made from the Lin'an and Beijing cases as PDFs and read back as
 * text: the title, the parties (identity numbers masked, never in full), the amounts in figures and in capitals, the
 * statutes they rest on, whom they are addressed to; the same data gives the same bytes; data that would print a wrong
 * document is refused. renderDocument alone: no database, no Temporal.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentDataError } from '../../activities/documents/document-figures';
import { legalAidFigures } from '../../activities/documents/legal-aid-figures';
import type { AidedWorker, LegalAidDocumentDataByKind } from '../../activities/documents/legal-aid-types';
import { renderDocument } from '../../activities/documents/render-document';
import { LEGAL_AID_DOCUMENT_KINDS, type GenerateDocumentRequest, type LegalAidDocumentKind } from '../../activities/documents/types';
import { templatePath } from '../../templates/paths';
import {
  beijingComplaint, beijingDebtor, beijingWorker, legalAidData, linanAgreedReport, linanDebtors, linanWorkers,
} from '../helpers/legal-aid-document-fixtures';
import { pdfText } from '../helpers/pdf-text';

const caseNo = 'LA-2026-0007';
const squash = (s: string) => s.replace(/\s+/g, '');
const masked = (w: AidedWorker) => `${w.idNumber.slice(0, 6)}********${w.idNumber.slice(-4).toUpperCase()}`;

async function textOf<K extends LegalAidDocumentKind>(kind: K, data: LegalAidDocumentDataByKind[K]) {
  const doc = await renderDocument(kind, caseNo, data);
  return { doc, text: await pdfText(doc.bytes) };
}

/** Every worker by name with the masked number, and no identity number (nor the birth date inside it) in full. */
function expectWorkers(text: string, workers: AidedWorker[]) {
  for (const w of workers) {
    expect(text).toContain(`${w.name}，公民身份号码：${masked(w)}`);
    expect(text).not.toContain(w.idNumber.toUpperCase());
    expect(text).not.toContain(w.idNumber.slice(6, 14));
  }
}

const linan170k = '人民币170,000.00元（大写：人民币壹拾柒万元整）';
const linanParties = ['浙江恒川建设有限公司临安分公司，统一社会信用代码：91330112MA2H3K7R5J，住所：杭州市临安区锦城街道钱王街88号。主要负责人：孔德兴。',
  '浙江恒川建设有限公司，统一社会信用代码：91330100MA27X9B2Q7，住所：杭州市上城区凯旋路166号。法定代表人：沈国良。'];
const beijingParty = '北京星途网络科技有限公司，统一社会信用代码：91110105MA01R2T3X2，住所：北京市朝阳区望京街10号。法定代表人：韩立。';

/** What each document must say, besides its workers: title first, then parties, amounts, statutes, addressee. */
const mustSay: Record<LegalAidDocumentKind, string[]> = {
  'legal-aid-assignment': [
    '法律援助指派函', `法律援助案号：${caseNo}`, '浙江天目律师事务所许志远律师：', '申请人刘长青等七人', `请求对方当事人支付${linan170k}并承担连带责任`,
    '依照《中华人民共和国法律援助法》第四十二条免予核查经济困难状况', '根据《中华人民共和国法律援助法》第四十三条的规定',
    '于二〇二六年三月九日决定给予上述申请人法律援助', '请你于二〇二六年三月十二日前', '勤勉尽责', '受援人七：何木根',
    ...linanParties.map((p, i) => `对方当事人${['一', '二'][i]}：${p}`),
    '杭州市临安区总工会职工法律援助工作站（印章）二〇二六年三月十日', '附：申请人名单', '合计170,000.00',
  ],
  'arbitration-application': [
    '劳动人事争议仲裁申请书', `申请人：赵明辉，公民身份号码：${masked(beijingWorker)}，住址：北京市朝阳区双井街道广渠路21号`, `被申请人：${beijingParty}`,
    '委托代理人：宋佳，北京市京工律师事务所律师，北京市朝阳区总工会职工法律援助工作站指派的法律援助律师。',
    '仲裁请求一、裁决被申请人支付申请人2025年1月至12月延时加班工资', '以上请求金额合计人民币96,254.30元（大写：人民币玖万陆仟贰佰伍拾肆元叁角）。',
    '《中华人民共和国劳动争议调解仲裁法》第二条、第二十一条、第二十八条', '证据和证据来源一、劳动合同一份',
    '此致北京市朝阳区劳动人事争议仲裁委员会', '申请人赵明辉（签名）：', '委托代理人（签名）：', '二〇二六年二月二日',
  ],
  'civil-complaint': [
    '民事起诉状', '原告一：刘长青', '原告七：何木根', ...linanParties.map((p, i) => `被告${['一', '二'][i]}：${p}`),
    '委托诉讼代理人：许志远，浙江天目律师事务所律师，杭州市临安区总工会职工法律援助工作站指派的法律援助律师',
    `以上请求金额合计${linan170k}，各原告的请求金额详见附表。`,
    '杭州市临安区人民检察院依照《中华人民共和国民事诉讼法》第十五条', '支持原告提起本案诉讼',
    '被告浙江恒川建设有限公司临安分公司、浙江恒川建设有限公司应对上述款项承担连带责任。', '此致杭州市临安区人民法院', '起诉状副本二份',
    '具状人（原告）陈玉兰（签名）：', '二〇二六年三月十八日', '附表：原告名单及请求金额', '合计170,000.00',
  ],
  'appeal-petition': [
    '民事上诉状', '上诉人（原审原告）：赵明辉', `被上诉人（原审被告）：${beijingParty}`, '委托诉讼代理人：宋佳，北京市京工律师事务所律师',
    '不服北京市朝阳区人民法院（2026）京0105民初5678号民事判决书，现提起上诉。',
    '原审判决被上诉人支付上诉人人民币18,500.00元（大写：人民币壹万捌仟伍佰元整），上诉人请求的金额合计人民币86,400.00元（大写：人民币捌万陆仟肆佰元整），原审判决少支持人民币67,900.00元（大写：人民币陆万柒仟玖佰元整）。',
    '上诉人于二〇二六年九月八日收到原审民事判决书', '《中华人民共和国民事诉讼法》第一百七十一条', '有权在判决书送达之日起十五日内向上一级人民法院提起上诉',
    '此致北京市第三中级人民法院', '上诉人赵明辉（签名）：', '二〇二六年九月十八日',
  ],
  'aid-enforcement-application': [
    '强制执行申请书', '申请执行人一：刘长青', ...linanParties.map((p, i) => `被执行人${['一', '二'][i]}：${p}`), '委托代理人：许志远',
    '向申请执行人刘长青等七人支付尚欠款项人民币110,000.00元（大写：人民币壹拾壹万元整），各被执行人对上述款项承担连带责任。',
    `杭州市临安区人民法院作出（2026）浙0112民初1234号民事调解书，确定被执行人向申请执行人支付${linan170k}，各被执行人承担连带责任。`,
    '已于二〇二六年四月二十日发生法律效力', '申请执行人共收到人民币60,000.00元（大写：人民币陆万元整），被执行人尚欠人民币110,000.00元（大写：人民币壹拾壹万元整）。',
    '《中华人民共和国民事诉讼法》的有关规定', '此致杭州市临安区人民法院', '申请执行人何木根（签名）：', '二〇二六年六月五日',
  ],
  'support-prosecution-request': [
    '支持起诉申请书', '申请人：杭州市临安区总工会职工法律援助工作站', '受援劳动者一：刘长青', ...linanParties.map((p, i) => `对方当事人${['一', '二'][i]}：${p}`),
    '请求贵院依照《中华人民共和国民事诉讼法》第十五条的规定，支持受援劳动者刘长青等七人', `请求对方当事人支付${linan170k}并承担连带责任`,
    '结欠七人劳动报酬共计170,000元', '诉讼能力较弱', '可以支持受损害的单位或者个人向人民法院起诉', '此致杭州市临安区人民检察院',
    '杭州市临安区总工会职工法律援助工作站（印章）二〇二六年三月十三日', '附表：受援劳动者名单及请求金额',
  ],
  'pre-litigation-report': [
    '诉前调解情况报告', '委派调解案号：（2026）浙0112民诉前调456号', '杭州市临安区人民法院：', '贵院于二〇二六年三月二十日委派', '调解员方秀英主持诉前调解',
    '申请人一：刘长青', ...linanParties.map((p, i) => `被申请人${['一', '二'][i]}：${p}`), `申请人请求被申请人支付${linan170k}`,
    '双方当事人未能达成调解协议', '一、被申请人浙江恒川建设有限公司认为欠薪系分公司所为', '建议贵院依法立案审理', `本站案号：${caseNo}`,
    '杭州市临安区总工会职工法律援助工作站（印章）二〇二六年四月二日',
  ],
};
const workersOf = (kind: LegalAidDocumentKind) => (['arbitration-application', 'appeal-petition'].includes(kind) ? [beijingWorker] : linanWorkers);

describe('the seven documents of a legal-aid case', () => {
  it('has a template for each kind, and a legal-aid request is one the activity takes', () => {
    expect(LEGAL_AID_DOCUMENT_KINDS).toHaveLength(7);
    for (const kind of LEGAL_AID_DOCUMENT_KINDS) expect(existsSync(templatePath('documents', `${kind}.hbs`))).toBe(true);
    const req: GenerateDocumentRequest = { key: 'k', caseNo, kind: 'appeal-petition', step: 'appeal', data: legalAidData['appeal-petition'] };
    expect(req.kind).toBe('appeal-petition');
  });

  it.each(LEGAL_AID_DOCUMENT_KINDS.map((k) => [k]))('%s: reads back as the right Chinese text', async (kind) => {
    const { doc, text } = await textOf(kind, legalAidData[kind]);
    expect(doc.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.title).toBe(mustSay[kind][0]);
    expect(text.startsWith(mustSay[kind][0])).toBe(true);
    expectWorkers(text, workersOf(kind));
    for (const phrase of mustSay[kind]) expect(text).toContain(squash(phrase));
    expect(text).toContain(`第1页共${doc.pages}页`);
  });

  it.each(LEGAL_AID_DOCUMENT_KINDS.map((k) => [k]))('%s: the same data gives the same bytes', async (kind) => {
    const data = legalAidData[kind];
    const [a, b] = [await renderDocument(kind, caseNo, data), await renderDocument(kind, caseNo, data)];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.sha256).toBe(b.sha256);
    const other = await renderDocument(kind, caseNo, { ...data, station: { ...data.station, name: '杭州市总工会法律援助工作站' } } as never);
    expect(other.sha256).not.toBe(a.sha256);
  });
});

describe('what changes with the proceeding', () => {
  it('a suit against an award says the worker is not satisfied with it, within 15 days of receipt (Arts. 48, 50)', async () => {
    const { text } = await textOf('civil-complaint', beijingComplaint);
    expect(text).toContain('原告：赵明辉'); // one plaintiff: not numbered
    expect(text).toContain(squash('经北京市朝阳区劳动人事争议仲裁委员会仲裁，作出京朝劳人仲字〔2026〕第1234号仲裁裁决书，裁决被告支付原告人民币12,300.50元（大写：人民币壹万贰仟叁佰元伍角）。'));
    expect(text).toContain('原告于二〇二六年五月十二日收到该仲裁裁决书，对裁决不服');
    expect(text).toContain('相差人民币74,099.50元（大写：人民币柒万肆仟零玖拾玖元伍角）');
    expect(text).toContain('《中华人民共和国劳动争议调解仲裁法》第四十八条、第五十条');
    expect(text).toContain('自收到仲裁裁决书之日起十五日内向人民法院提起诉讼');
    expect(text).toContain('以上请求金额合计人民币86,400.00元（大写：人民币捌万陆仟肆佰元整）。');
    expect(text).not.toContain('第十五条'); // no procuratorate supports this one
    expect(text).not.toContain('连带责任');
    expect(text).not.toContain('附表'); // one worker: no attached list
    expectWorkers(text, [beijingWorker]);
  });

  it('a suit supported by the procuratorate and brought on a wage IOU cites no article on awards', async () => {
    const { text } = await textOf('civil-complaint', legalAidData['civil-complaint']);
    expect(text).not.toContain('第四十八条');
  });

  it('an appeal against a ruling has ten days; a judgment called a ruling is refused', async () => {
    const petition = legalAidData['appeal-petition'];
    const ruling = { ...petition, earlier: { ...petition.earlier, kind: 'ruling' as const, title: '民事裁定书', awardedFen: 0 } };
    const { text } = await textOf('appeal-petition', ruling);
    expect(text).toContain('当事人不服地方人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉');
    expect(text).toContain('原审裁定未支持上诉人的请求');
    expect(() => legalAidFigures('appeal-petition', { ...petition, earlier: { ...petition.earlier, kind: 'ruling' } })).toThrow(/ruling, but its title reads 民事判决书/);
  });

  it('several workers before an arbitration commission: numbered, and each claim in the attached list adding up to the total', async () => {
    const data = { ...legalAidData['arbitration-application'], workers: linanWorkers, debtors: linanDebtors };
    const { doc, text } = await textOf('arbitration-application', data);
    expect(text).toContain('申请人七：何木根');
    expect(text).toContain(`以上请求金额合计${linan170k}，各申请人的请求金额详见附表。`);
    expect(text).toContain('被申请人浙江恒川建设有限公司临安分公司、浙江恒川建设有限公司应对上述款项承担连带责任。');
    expect(text).toContain('仲裁申请书副本二份');
    expect(text).toContain('附表：申请人名单及请求金额');
    expect(text).toContain(`1刘长青${masked(linanWorkers[0])}32,000.00`);
    expect(text).toContain(`5孙立军${masked(linanWorkers[4])}21,000.00`);
    expect(text).toContain('合计170,000.00');
    expect(doc.markup).toContain('|= 合计 | | | 170,000.00');
    expectWorkers(text, linanWorkers);
  });

  it('enforcing an award against one debtor cites Art. 51 and no joint liability; nothing received says so', async () => {
    const data = {
      ...legalAidData['aid-enforcement-application'], workers: [beijingWorker], debtors: [beijingDebtor], court: '北京市朝阳区人民法院',
      basis: { ...legalAidData['aid-enforcement-application'].basis, title: '仲裁裁决书', number: '京朝劳人仲字〔2026〕第1234号', issuedBy: '北京市朝阳区劳动人事争议仲裁委员会', effectiveOn: undefined },
      awardedFen: 1_230_050, recoveredFen: 0,
    };
    const { text } = await textOf('aid-enforcement-application', data);
    expect(text).toContain('《中华人民共和国劳动争议调解仲裁法》第五十一条');
    expect(text).toContain('被执行人分文未付，尚欠人民币12,300.50元（大写：人民币壹万贰仟叁佰元伍角）');
    expect(text).toContain('该仲裁裁决书已发生法律效力');
    expect(text).not.toContain('连带责任');
    expect(text).toContain('被执行人：北京星途网络科技有限公司');
  });

  it('a pre-litigation mediation that succeeded reports the sum and how it is paid, and asks for no trial', async () => {
    const { text } = await textOf('pre-litigation-report', linanAgreedReport);
    expect(text).toContain(`双方当事人自愿达成调解协议：被申请人向申请人支付${linan170k}，由被申请人浙江恒川建设有限公司临安分公司于2026年4月30日前支付`);
    expect(text).toContain('司法确认');
    expect(text).not.toContain('建议贵院依法立案审理');
  });
});

describe('data a legal-aid document must not be printed from', () => {
  const bad = <K extends LegalAidDocumentKind>(kind: K, data: unknown) => () => legalAidFigures(kind, data as LegalAidDocumentDataByKind[K]);

  it('is refused as the data\'s fault (DocumentDataError), so the activity fails for good rather than retrying', async () => {
    const enforcement = legalAidData['aid-enforcement-application'];
    expect(bad('aid-enforcement-application', { ...enforcement, recoveredFen: enforcement.awardedFen })).toThrow(/nothing to enforce/);
    expect(bad('aid-enforcement-application', { ...enforcement, recoveredFen: enforcement.awardedFen + 1 })).toThrow(/more was received/);
    expect(bad('aid-enforcement-application', { ...enforcement, awardedFen: 12.5 })).toThrow(DocumentDataError);
    expect(bad('support-prosecution-request', { ...legalAidData['support-prosecution-request'], claimedFen: 16_000_000 })).toThrow(/add up to 17000000 fen/);
    expect(bad('legal-aid-assignment', { ...legalAidData['legal-aid-assignment'], acceptBy: '2026-03-09' })).toThrow(/accept after/);
    expect(bad('civil-complaint', { ...legalAidData['civil-complaint'], debtors: [] })).toThrow(/at least one debtor/);
    expect(bad('civil-complaint', { ...beijingComplaint, earlier: { ...beijingComplaint.earlier!, servedOn: '2026-05-21' } })).toThrow(/served after/);
    expect(bad('pre-litigation-report', { ...legalAidData['pre-litigation-report'], result: { kind: 'failed', reasons: [] } })).toThrow(/no agreement/);
    expect(bad('arbitration-application', { ...legalAidData['arbitration-application'], requests: [] })).toThrow(/requests/);
    await expect(renderDocument('appeal-petition', caseNo, { ...legalAidData['appeal-petition'], issuedOn: '2026-02-30' })).rejects.toThrow(DocumentDataError);
  });
});
