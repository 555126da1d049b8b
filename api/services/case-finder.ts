/**
 * The case finder's request → filter → rows (issue 23). The filter's values passed the schema; here they are checked
 * against what exists: a real calendar day, a range that runs forward, a street or enterprise of the viewer's own area
 * (someone else's street is as unknown as a made-up one). Rows carry the registry's words, never a kind's name.
 */
import type { Kysely } from 'kysely';
import { type CaseFilter, type Cursor, finderArea, findCases, findCasesQuery } from '../../db/queries/case-finder';
import type { Viewer } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { CASE_KINDS, kindOfCaseNo } from '../../workflows/kinds';
import { labelOf } from '../../workflows/kinds/labels';
import { shanghaiTime } from '../../workflows/shared/present/format';
import { badRequest } from '../errors';
import { CSV_ROW_CAP, filterProperties } from '../schemas/case-finder';

export type FilterQuery = Partial<Record<keyof typeof filterProperties, string | number>>;
export const FILTER_KEYS = Object.keys(filterProperties) as (keyof typeof filterProperties)[];
const DAY_MS = 86_400_000;

/** A Shanghai calendar day's first instant; a day that does not exist (2026-02-30) is refused, naming the field. */
export function shanghaiDay(value: string, label: string): Date {
  const d = new Date(`${value}T00:00:00+08:00`);
  // a month 13 is no date at all: checked before toISOString, which throws on it
  if (Number.isNaN(d.getTime()) || new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) !== value) throw badRequest(`${label}不是有效的日期`);
  return d;
}

/** The kinds every case of which is of this category (a kind with one category keeps none per case). */
function kindsOnlyOf(category: string): string[] {
  return CASE_KINDS.filter((k) => Object.keys(k.labels.categories).length === 1 && Object.hasOwn(k.labels.categories, category)).map((k) => k.kind);
}

export async function toFilter(db: Kysely<Database>, v: Viewer, q: FilterQuery): Promise<CaseFilter> {
  const f: CaseFilter = {};
  if (q.street !== undefined || q.enterprise !== undefined) {
    const area = await finderArea(db, v);
    if (q.street !== undefined && !area.streets.some((s) => s.id === q.street)) throw badRequest('街道不存在或不在您的辖区');
    if (q.enterprise !== undefined && !area.enterprises.some((e) => e.id === q.enterprise)) throw badRequest('企业不存在或不在您的辖区');
    f.street = q.street as string | undefined;
    f.enterprise = q.enterprise as string | undefined;
  }
  if (q.kind !== undefined) f.kind = String(q.kind);
  if (q.category !== undefined) { f.category = String(q.category); f.categoryKinds = kindsOnlyOf(f.category); }
  if (q.stage !== undefined) f.stage = String(q.stage);
  if (q.overdue !== undefined) f.overdue = q.overdue === 'yes';
  if (q.from !== undefined) f.createdFrom = shanghaiDay(String(q.from), '登记日期起');
  if (q.to !== undefined) f.createdBefore = new Date(shanghaiDay(String(q.to), '登记日期止').getTime() + DAY_MS);
  if (f.createdFrom && f.createdBefore && f.createdFrom >= f.createdBefore) throw badRequest('登记日期止不能早于登记日期起');
  if (q.rating !== undefined) f.rating = Number(q.rating);
  return f;
}

export function cursorOf(after: string | undefined): Cursor | undefined {
  if (!after) return undefined;
  const [createdAt, caseNo] = after.split('~');
  if (Number.isNaN(Date.parse(createdAt))) throw badRequest('翻页位置格式不正确');
  return { createdAt, caseNo };
}

/** Only the filter's own keys, in a stable order: what a saved filter keeps and the page's links carry. */
export function filterQueryString(q: FilterQuery): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (q[k] !== undefined && q[k] !== '') p.set(k, String(q[k]));
  return p.toString();
}

type Row = Awaited<ReturnType<typeof findCases>>['rows'][number];

/** A row in the registry's words. */
export function presentRow(r: Row) {
  return {
    caseNo: r.case_no, kind: r.kind, kindLabel: kindOfCaseNo(r.case_no)?.label ?? r.kind,
    enterprise: r.enterprise_name, streetId: r.street_id, street: r.street_name,
    stage: r.stage, stageLabel: labelOf('stages', r.stage, r.case_no),
    category: r.category, categoryLabel: r.category ? labelOf('categories', r.category, r.case_no) : '',
    status: r.status, createdAt: r.created_at.toISOString(), created: shanghaiTime(r.created_at),
    overdue: Boolean(r.overdue), rating: r.rating,
  };
}

export async function casePage(db: Kysely<Database>, v: Viewer, q: FilterQuery, limit: number, after?: string) {
  const page = await findCases(db, v, await toFilter(db, v, q), limit, cursorOf(after));
  return { rows: page.rows.map(presentRow), next: page.next };
}

/** A spreadsheet cell: quoted, and never read by Excel as a formula (a name typed as "=HYPERLINK(...)"). */
export const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** The filtered list as CSV for Excel (UTF-8 with a BOM, CRLF), at most CSV_ROW_CAP rows; `capped` if more matched. */
export async function casesCsv(db: Kysely<Database>, v: Viewer, q: FilterQuery): Promise<{ csv: string; rows: number; capped: boolean }> {
  const found = await findCasesQuery(db, v, await toFilter(db, v, q)).limit(CSV_ROW_CAP + 1).execute();
  const capped = found.length > CSV_ROW_CAP;
  const rows = found.slice(0, CSV_ROW_CAP).map(presentRow);
  const head = ['案件编号', '类型', '诉求类别', '企业', '街道', '环节', '登记时间', '是否超时', '评分'];
  const lines = rows.map((r) => [r.caseNo, r.kindLabel, r.categoryLabel, r.enterprise, r.street, r.stageLabel, r.created, r.overdue ? '超时' : '', r.rating ?? '']);
  return { csv: `\uFEFF${[head, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, rows: rows.length, capped };
}
