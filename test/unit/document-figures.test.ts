import { describe, expect, it } from 'vitest';
import { DocumentDataError, documentFigures } from '../../activities/documents/document-figures';
import { documentData } from '../helpers/document-fixtures';

const agreement = documentData['mediation-agreement'];
const enforcement = documentData['enforcement-application'];

describe('document figures', () => {
  it('adds up what was claimed and agreed and numbers the installments', () => {
    const f = documentFigures('mediation-agreement', agreement);
    expect(f).toMatchObject({ workerCount: 3, group: true, claimedFen: 4_600_000, agreedFen: 4_036_617, lumpSum: false });
    expect(f.installments.map((x) => [x.number, x.dueDate])).toEqual([[1, '2026-12-15'], [2, '2027-01-15'], [3, '2027-02-10']]);
  });

  it('treats one payment date as a single installment of the whole sum', () => {
    const f = documentFigures('mediation-agreement', { ...agreement, terms: { kind: 'lump-sum', dueDate: '2026-12-01' } });
    expect(f.installments).toEqual([{ number: 1, dueDate: '2026-12-01', amountFen: 4_036_617 }]);
    expect(f.lumpSum).toBe(true);
  });

  it('finds the missed installment and what is still owed for enforcement', () => {
    const f = documentFigures('enforcement-application', enforcement);
    expect(f.paidFen).toBe(2_000_000);
    expect(f.outstandingFen).toBe(2_036_617);
    expect(f.owed).toEqual([{ name: '王小明', fen: 534_567 }, { name: '李红梅', fen: 900_000 }, { name: '张伟', fen: 602_050 }]);
    expect(f.missed).toEqual({ number: 2, dueDate: '2027-01-15', amountFen: 1_500_000, paidFen: 500_000, shortFen: 1_000_000 });
  });

  it('lists ten or more workers in a table and names the elected representatives (the first three in cases from before the election was recorded)', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...agreement.workers[i % 3], name: `工人${i + 1}` }));
    const lump = { kind: 'lump-sum', dueDate: '2026-12-01' };
    const f = documentFigures('review-application', { ...agreement, workers: many, terms: lump } as never);
    expect(f.represented).toBe(true);
    expect(f.representatives.map((w) => w.name)).toEqual(['工人1', '工人2', '工人3']);
    expect(f.rows).toHaveLength(10);
    expect(f.rows.reduce((a, r) => a + r.agreedFen, 0)).toBe(f.agreedFen);
    const elected = (representatives: unknown) => documentFigures('review-application', { ...agreement, workers: many, terms: lump, representatives } as never).representatives.map((w) => w.name);
    expect(elected([7, 2, 10])).toEqual(['工人7', '工人2', '工人10']);
    expect(elected([1, 2, 3, 4, 5])).toHaveLength(5);
    expect(elected([])).toEqual([]);
    // none elected: every worker signs; elected or the old default: the representatives do
    const flag = (representatives: unknown) => documentFigures('review-application', { ...agreement, workers: many, terms: lump, representatives } as never).elected;
    expect([flag([]), flag([7, 2, 10]), flag(undefined)]).toEqual([false, true, true]);
    expect(() => elected([1])).toThrow(/three to five/);
    expect(() => elected([1, 2, 3, 4, 5, 6])).toThrow(/three to five/);
    expect(() => elected([1, 2, 2])).toThrow(/twice/);
    expect(() => elected([1, 2, 11])).toThrow(/not one of the 10 workers/);
    expect(documentFigures('mediation-agreement', agreement)).toMatchObject({ represented: false, representatives: [] });
    const owed = documentFigures('enforcement-application', enforcement).rows.map((r) => r.owedFen);
    expect(owed).toEqual([534_567, 900_000, 602_050]);
  });

  it('refuses data a document must not be printed from', () => {
    const bad = (kind: Parameters<typeof documentFigures>[0], data: unknown) => () => documentFigures(kind, data as never);
    const plan = (amounts: number[]) => ({ kind: 'installments', installments: amounts.map((amountFen, i) => ({ dueDate: `2027-0${i + 1}-01`, amountFen })) });
    expect(bad('mediation-agreement', { ...agreement, terms: plan([1_000_000, 1_000_000]) })).toThrow(DocumentDataError);
    expect(bad('mediation-agreement', { ...agreement, workers: [] })).toThrow(/at least one worker/);
    expect(bad('mediation-agreement', { ...agreement, workers: [{ ...agreement.workers[0], agreedFen: 12.5 }] })).toThrow(/whole fen/);
    expect(bad('mediation-agreement', { ...agreement, issuedOn: '2026-02-30' })).toThrow(/not a date/);
    const reversed = { kind: 'installments', installments: [{ dueDate: '2027-02-01', amountFen: 2_000_000 }, { dueDate: '2027-01-01', amountFen: 2_036_617 }] };
    expect(bad('mediation-agreement', { ...agreement, terms: reversed })).toThrow(/in order/);
    expect(bad('enforcement-application', { ...enforcement, missed: { dueDate: '2027-01-16', paidFen: 0 } })).toThrow(/no installment/);
    expect(bad('enforcement-application', { ...enforcement, missed: { dueDate: '2027-01-15', paidFen: 1_500_000 } })).toThrow(/less than in full/);
  });
});
