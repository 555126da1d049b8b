/**
 * Issue 16, documents: each of the five legal documents of a group dispute (three workers, installments) is made as a
 * PDF with its CJK font embedded, reads back as the right Chinese text, and is kept once per key, versioned when made
 * again, and final once sent. A fresh database of its own (migrated, no Temporal needed: the activity is called as a
 * function, which is what a retry by Temporal does too).
 */
import { randomBytes } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkup, type Block } from '../../activities/documents/markup';
import { maskIdNumber } from '../../activities/documents/mask-id';
import { readDocument } from '../../activities/documents/read-document';
import { renderPdf } from '../../activities/documents/render-pdf';
import { renderDocument, sha256Hex } from '../../activities/documents/render-document';
import { createGenerateDocument } from '../../activities/documents/store-document';
import { DOCUMENT_KINDS, type DocumentKind, type GenerateDocumentRequest } from '../../activities/documents/types';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { documentData, workers, xiamenDispute } from '../helpers/document-fixtures';
import { pdfPages, pdfText } from '../helpers/pdf-text';

const caseNo = 'XM-2026-0001';
const adminUrl = process.env.DATABASE_URL;
const dbName = `gq_test_documents_${randomBytes(4).toString('hex')}`;
let db: Kysely<Database>;
let generateDocument: ReturnType<typeof createGenerateDocument>;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (!adminUrl) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
  await admin(`create database "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  db = createDb(url.toString(), 4);
  await migrateToLatest(db);
  generateDocument = createGenerateDocument(db);
});

afterAll(async () => {
  await db?.destroy();
  if (adminUrl) await admin(`drop database if exists "${dbName}" with (force)`);
});

const squash = (s: string) => s.replace(/\s+/g, '');
const request = (kind: DocumentKind, key = `mediation-${caseNo}:${kind}:v1`) =>
  ({ key, caseNo, kind, step: `make-${kind}`, data: documentData[kind] }) as GenerateDocumentRequest;

/** What each document must say besides the parties and the case number (figures and capitals, dates in Chinese). */
const mustSay: Record<DocumentKind, string[]> = {
  'mediation-agreement': [
    '调解协议书', '人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）', '人民币18,000.00元（大写：人民币壹万捌仟元整）',
    '人民币10,020.50元（大写：人民币壹万零贰拾元伍角）', '合计人民币40,366.17元（大写：人民币肆万零叁佰陆拾陆元壹角柒分）',
    '分三期支付', '二〇二六年十二月十五日前支付人民币15,000.00元（大写：人民币壹万伍仟元整）', '二〇二七年一月十五日前',
    '二〇二七年二月十日前支付人民币10,366.17元（大写：人民币壹万零叁佰陆拾陆元壹角柒分）', '于二〇二六年十一月十日向',
    '调解员：黄志强', '厦门市总工会驻市劳动人事争议仲裁院调解工作站（印章）二〇二六年十一月二十五日', '申请人王小明（签名）：',
    '第1页共3页',
  ],
  'review-application': [
    '仲裁审查确认申请书', '于二〇二六年十一月二十五日在厦门市总工会驻市劳动人事争议仲裁院调解工作站主持下达成的调解协议',
    '用人单位向劳动者张伟支付人民币10,020.50元（大写：人民币壹万零贰拾元伍角）', '第七十四条', '此致厦门市劳动人事争议仲裁委员会',
    '二〇二六年十一月二十六日', '劳动者李红梅（签名）：',
  ],
  'transfer-letter': [
    '劳动争议调解不成转入仲裁函', '厦门市劳动人事争议仲裁院：', '于二〇二六年十月一日向我站申请调解',
    '请求被申请人支付人民币46,000.00元（大写：人民币肆万陆仟元整）', '申请人王小明请求被申请人支付人民币15,000.00元（大写：人民币壹万伍仟元整）',
    '被申请人对拖欠工资的数额有异议', '第十四条第三款', '联系人：调解员黄志强，联系电话：0592-5551234', '二〇二六年十月十六日',
  ],
  'case-file': [
    '劳动争议调解案卷材料', '厦门市劳动人事争议仲裁院：', '申请人于二〇二六年十月一日到调解站申请调解', '请求被申请人支付人民币46,000.00元（大写：人民币肆万陆仟元整）',
    '一、二〇二六年十月八日09:30，现场调解（调解室）。参加调解的当事人：厦门鹭岛物流有限公司、王小明、李红梅、张伟。调解情况：被申请人对拖欠工资的数额有异议',
    '二、二〇二六年十月十二日15:00，线上调解。该次调解未举行或未作记录。', '调解不成的原因', '调解员：黄志强，联系电话：0592-5551234', '二〇二六年十月十六日',
  ],
  'enforcement-application': [
    '强制执行申请书', '被执行人：厦门鹭岛物流有限公司', '尚欠款项人民币20,366.17元（大写：人民币贰万零叁佰陆拾陆元壹角柒分）',
    '申请执行人王小明：人民币5,345.67元（大写：人民币伍仟叁佰肆拾伍元陆角柒分）', '调解书（厦劳人仲调字〔2026〕第118号）',
    '第二期款项人民币15,000.00元（大写：人民币壹万伍仟元整）应于二〇二七年一月十五日前支付', '仅支付人民币5,000.00元（大写：人民币伍仟元整）',
    '于二〇二六年十一月二十八日发生法律效力', '此致厦门市湖里区人民法院', '第五十一条', '二〇二七年一月二十五日',
  ],
};

describe('the five documents of a group dispute', () => {
  it.each(DOCUMENT_KINDS.map((k) => [k]))('%s: stored with its hash, and reads back as the right Chinese text', async (kind) => {
    const made = await generateDocument(request(kind));
    expect(made.version).toBe(1);
    const stored = (await readDocument(db, made.id))!;
    expect(stored).toMatchObject({ caseNo, kind, version: 1, step: `make-${kind}`, title: made.title, sentAt: null });
    expect(sha256Hex(stored.bytes)).toBe(made.sha256);
    expect(stored.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The CJK font travels inside the file as a subset (a viewer needs no font of its own), and the file stays small.
    expect(stored.bytes.includes('NotoSerifCJKsc-Regular')).toBe(true);
    expect(stored.bytes.includes('/FontFile')).toBe(true);
    expect(stored.bytes.length).toBeLessThan(400_000);

    const text = await pdfText(stored.bytes);
    expect(text).toContain(`案号：${caseNo}`);
    expect(text).toContain('厦门鹭岛物流有限公司');
    expect(text).toContain('法定代表人：陈建国，总经理。');
    for (const w of workers) expect(text).toContain(w.name);
    for (const masked of ['350203********1234', '350205********432X', '330106********1234']) expect(text).toContain(masked);
    for (const w of workers) {
      expect(text).not.toContain(w.idNumber.toUpperCase());
      expect(text).not.toContain(w.idNumber.slice(6, 14)); // not even the birth date in the middle
    }
    for (const phrase of mustSay[kind]) expect(text).toContain(squash(phrase));
    expect(text).toMatch(new RegExp(`第1页共${made.pages}页`));
  });

  it('gives the same bytes for the same data, so a stored hash can be checked by making the document again', async () => {
    const data = documentData['enforcement-application'];
    const [a, b] = await Promise.all([renderDocument('enforcement-application', caseNo, data), renderDocument('enforcement-application', caseNo, data)]);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const changed = await renderDocument('enforcement-application', caseNo, { ...data, issuedOn: '2027-01-26' });
    expect(changed.sha256).not.toBe(a.sha256);
  });
});

describe('the layout a clerk checks', () => {
  const xm = xiamenDispute;
  const many = xm.data['mediation-agreement'].workers;
  const fen = (figure: string) => Math.round(Number(figure.replace(/,/g, '')) * 100);
  /** Where each document's text ends and its closing (places to sign, or the letter's seal) begins. */
  const lastText: Record<DocumentKind, [string, string]> = {
    'mediation-agreement': ['具有同等效力。', '（签名）'], 'review-application': ['请依法确认并制作调解书。', '（签名）'],
    'transfer-letter': ['联系人：调解员', '（印章）'], 'case-file': ['调解员：', '（印章）'], 'enforcement-application': ['特向贵院申请强制执行。', '（签名）'],
  };

  it.each(DOCUMENT_KINDS.map((k) => [k]))('%s of 43 workers: representatives in the text, each worker and amount in the attached table', async (kind) => {
    const doc = await renderDocument(kind, xm.caseNo, xm.data[kind] as never);
    const table = parseMarkup(doc.markup).find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table')!;
    expect(table.rows.map((r) => r[1])).toEqual(many.map((w) => w.name));
    expect(table.rows.map((r) => r[2])).toEqual(many.map((w) => maskIdNumber(w.idNumber)));
    const amountColumns = table.header.flatMap((h, c) => (h.endsWith('（元）') ? [c] : []));
    expect(amountColumns.length).toBeGreaterThan(0);
    for (const c of amountColumns) expect(table.rows.reduce((a, r) => a + fen(r[c]), 0)).toBe(fen(table.total![c]));

    // the page footers left out (a sentence runs on across a page break); the 推举书 (its own pages) apart
    const [text, election] = (await pdfText(doc.bytes)).replace(/第\d+页共\d+页/g, '').split('推举书案号');
    if (kind === 'review-application' || kind === 'transfer-letter') expect(election).toContain('全体劳动者共同推举下列三人为代表人');
    expect(text).toContain(`${many[0].name}等四十三人`);
    expect(text).toMatch(/等四十三人(，详见附表|.*详见附表)/);
    expect(text).toMatch(/附表：\S+名单/);
    for (const w of many) expect(text).toContain(maskIdNumber(w.idNumber));
    // No line of its own for each worker in the text: a worker who is no representative is named in the table only.
    expect(text.split(many[5].name)).toHaveLength(2);
    if (kind !== 'transfer-letter' && kind !== 'case-file') {
      expect(text).toContain('人民币3,620,000.00元（大写：人民币叁佰陆拾贰万元整）');
      expect(table.total).toContain('3,620,000.00');
      // Three representatives sign for the 43 (办案规则 Art. 63), not 43 rows of signatures.
      expect(text.match(/代表\S{2,4}（签名）/g)).toHaveLength(3);
    }
  });

  it('names and has sign every one of 43 workers who elected no representatives (Art. 7: they may), with no proof of an election', async () => {
    const unelected = (kind: 'mediation-agreement' | 'review-application' | 'enforcement-application') =>
      renderDocument(kind, xm.caseNo, { ...xm.data[kind], representatives: [] } as never).then((d) => pdfText(d.bytes));
    const agreement = await unelected('mediation-agreement');
    expect(agreement).not.toMatch(/代表\S{2,4}（签名）/);
    expect(agreement).toContain('由各申请人在附表上签名确认');
    const review = await unelected('review-application');
    expect(review.match(/劳动者\S{2,4}（签名）/g)).toHaveLength(43);
    expect(review).not.toContain('推举代表');
    const enforcement = await unelected('enforcement-application');
    expect(enforcement.match(/申请执行人\S{2,4}（签名）/g)).toHaveLength(43);
    expect(enforcement).not.toContain('推举代表');
  });

  it('numbers terms 一、二、 and their sub-items （一）（二）', async () => {
    const text = await pdfText((await renderDocument('mediation-agreement', caseNo, documentData['mediation-agreement'])).bytes);
    expect(text).toContain('一、被申请人向申请人王小明支付人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分），申请人请求金额为人民币15,000.00元。');
    expect(text).toContain('四、上述款项合计');
    expect(text).toContain('（一）二〇二六年十二月十五日前支付');
    expect(text).toContain('（三）二〇二七年二月十日前支付');
    expect(text).not.toMatch(/）（申请人请求/);
  });

  it.each(DOCUMENT_KINDS.flatMap((k) => [[k, 3], [k, 43]] as const))('%s of %i workers: the closing shares its page with the last text', async (kind, n) => {
    const { caseNo: no, data } = n === 3 ? { caseNo, data: documentData } : xm;
    const pages = await pdfPages((await renderDocument(kind, no, data[kind] as never)).bytes);
    const [text, closing] = lastText[kind];
    const page = pages.findIndex((p) => p.includes(closing));
    expect(pages[page]).toContain(text);
    expect(pages[page].indexOf(text)).toBeLessThan(pages[page].indexOf(closing));
    expect(pages.join('')).not.toContain('此页无正文');
  });

  it('keeps five representatives signing one a row on one page, with the last text when they fit, else under （此页无正文）', async () => {
    // Three-character names make each place to sign a row of its own: the closing and the text before it exceed a page.
    const names = ['蔡金水', '赖春生', '罗国平', '施丽娟', '梁文斌'];
    const base = xm.data['review-application'];
    for (const pad of [0, 9, 30, 60]) {
      const data = {
        ...base, workers: base.workers.map((w, i) => (i < 5 ? { ...w, name: names[i] } : w)), representatives: [1, 2, 3, 4, 5],
        terms: { kind: 'lump-sum' as const, dueDate: '2026-12-31' }, paymentMethod: base.paymentMethod + '并'.repeat(pad),
      };
      const pages = await pdfPages((await renderDocument('review-application', xm.caseNo, data)).bytes);
      const signing = pages.flatMap((p, i) => ((p.match(/劳动者代表\S{3}（签名）/g) ?? []).length > 0 ? [i] : []));
      expect(signing, `pad ${pad}`).toHaveLength(1);
      expect(pages[signing[0]].match(/劳动者代表\S{3}（签名）/g)).toHaveLength(5);
      const page = pages[signing[0]];
      expect(page.startsWith('（此页无正文）') || page.includes('请依法确认并制作调解书。'), `pad ${pad}`).toBe(true);
    }
  });

  it('says （此页无正文） on a page that starts with places to sign, when the closing is too long to keep with the text', async () => {
    const markup = ['# 调解协议书', '正文。'.repeat(20), ...Array.from({ length: 60 }, (_, i) => `_ 申请人${i + 1}号代表人（签名）：`)].join('\n');
    const { bytes, pages } = await renderPdf(parseMarkup(markup), { title: 't', subject: 's', author: 'a', date: '2026-11-25', digest: 'd' });
    expect(pages).toBeGreaterThan(1);
    const texts = await pdfPages(bytes);
    expect(texts[0]).toContain('正文。');
    for (const page of texts.slice(1)) expect(page.startsWith('（此页无正文）')).toBe(true);
  });
});

describe('keeping documents', () => {
  it('stores a document once per key: a retry, also a concurrent one, returns the stored row', async () => {
    const req = request('transfer-letter', `mediation-${caseNo}:transfer:retry`);
    const [first, concurrent] = await Promise.all([generateDocument(req), generateDocument(req)]);
    expect(concurrent).toEqual(first);
    expect(await generateDocument(req)).toEqual(first);
    const rows = await db.selectFrom('documents').select('id').where('idempotency_key', '=', req.key).execute();
    expect(rows).toHaveLength(1);
  });

  it('makes a new version under a new key and never changes the one that was sent', async () => {
    const v1 = await generateDocument(request('mediation-agreement'));
    const sentBytes = (await readDocument(db, v1.id))!.bytes;
    await db.updateTable('documents').set({ sent_at: new Date() }).where('id', '=', v1.id).execute();

    const corrected = { ...documentData['mediation-agreement'], issuedOn: '2026-11-26' };
    const v2 = await generateDocument({ key: `mediation-${caseNo}:mediation-agreement:v2`, caseNo, kind: 'mediation-agreement', step: 'correct', data: corrected });
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(v1.id);
    expect(v2.sha256).not.toBe(v1.sha256);
    const again = (await readDocument(db, v1.id))!;
    expect(again.bytes.equals(sentBytes)).toBe(true);
    expect(again.sha256).toBe(v1.sha256);
    expect(await pdfText((await readDocument(db, v2.id))!.bytes)).toContain('二〇二六年十一月二十六日');

    // Two regenerations at once still get a version each.
    const [v3, v4] = await Promise.all(['v3', 'v4'].map((v) => generateDocument(request('mediation-agreement', `mediation-${caseNo}:mediation-agreement:${v}`))));
    expect([v3.version, v4.version].sort()).toEqual([3, 4]);
  });

  it('refuses, in the database, to change the bytes or the hash of a sent document', async () => {
    const made = await generateDocument(request('review-application', `mediation-${caseNo}:review:sent`));
    await db.updateTable('documents').set({ sent_at: new Date() }).where('id', '=', made.id).execute();
    await expect(db.updateTable('documents').set({ bytes: Buffer.from('%PDF-forged') }).where('id', '=', made.id).execute())
      .rejects.toThrow(/was sent and cannot be changed/);
    await expect(db.updateTable('documents').set({ sha256: '0'.repeat(64) }).where('id', '=', made.id).execute())
      .rejects.toThrow(/was sent and cannot be changed/);
    expect(sha256Hex((await readDocument(db, made.id))!.bytes)).toBe(made.sha256);
  });

  it('fails for good, storing nothing, when the data cannot make a document', async () => {
    const data = { ...documentData['mediation-agreement'], terms: { kind: 'lump-sum' as const, dueDate: '2026-02-30' } };
    const req: GenerateDocumentRequest = { key: `mediation-${caseNo}:bad`, caseNo, kind: 'mediation-agreement', step: 'make', data };
    const failure = await generateDocument(req).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'InvalidDocumentData', nonRetryable: true });
    expect(await db.selectFrom('documents').select('id').where('idempotency_key', '=', req.key).execute()).toHaveLength(0);
  });
});
