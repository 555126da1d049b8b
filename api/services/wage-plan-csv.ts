/**
 * An uploaded plan: CSV as Excel saves it (UTF-8, with or without BOM; comma-separated; quoted fields), columns
 * 企业（名称或编号）, 计划启动日期, 备注 (optional); a first line of headings is skipped. Read with csv-parse, which knows
 * quoting and line endings better than a split would.
 */
import { parse } from 'csv-parse/sync';
import { badRequest } from '../errors';
import type { PlanLine } from './wage-plan';

const HEADINGS = /^(企业|企业名称|企业编号|enterprise)/i;

export function planLinesFromCsv(text: string): PlanLine[] {
  if (text.length > 1_000_000) throw badRequest('上传的计划过大（最多1MB）');
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    throw badRequest(`CSV格式不正确：${(err as { lines?: number }).lines ? `第${(err as { lines: number }).lines}行` : ''}引号或分隔符有误`);
  }
  const headed = records.length > 0 && HEADINGS.test(records[0][0] ?? '');
  if (headed) records = records.slice(1);
  return records.map((r, i) => {
    const lineNo = i + 1 + (headed ? 1 : 0);
    if (r.length < 2 || !r[0] || !r[1]) throw badRequest(`第${lineNo}行：须有企业和计划启动日期两列`);
    return { enterprise: r[0], plannedStart: r[1], note: r[2] ?? '', lineNo };
  });
}
