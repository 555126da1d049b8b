/**
 * The city union's yearly plan (DOMAIN §5): rows typed on the page or uploaded as a list, checked as a whole before
 * anything is written (one bad line and nothing changes, the answer names the line); a row opened is not changed; and
 * opening a row's round at once rather than waiting for the daily schedule.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { enterprisesOfDistrict, planFacts, writePlans, type PlanWrite } from '../../db/queries/wage-plans';
import type { Database } from '../../db/schema';
import { defaultWageNegotiationPolicy } from '../../temporal.config';
import { wageRoundCaseNo } from '../../workflows/kinds/wage-negotiation/case-no';
import type { WageRoundInput } from '../../workflows/kinds/wage-negotiation/model';
import type { Actor } from '../../workflows/shared/roles';
import { badRequest, HttpError, notFound } from '../errors';
import { startCase } from './start-case';

export interface PlanLine {
  /** 企业编号 or 企业名称, as typed */
  enterprise: string;
  plannedStart: string;
  note?: string;
  /** its line in an uploaded file (a heading line counts), for the messages */
  lineNo?: number;
}

const validDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Every line checked against the district's enterprises and the year; the first problem found, by line, in zh-CN. */
export async function checkPlanLines(db: Kysely<Database>, districtId: string, year: number, lines: PlanLine[]): Promise<PlanWrite[]> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badRequest('年度不正确');
  if (lines.length === 0) throw badRequest('计划中没有任何企业');
  if (lines.length > 5000) throw badRequest('一次最多导入5000家企业');
  const enterprises = await enterprisesOfDistrict(db, districtId);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const where = lines.length > 1 || line.lineNo ? `第${line.lineNo ?? i + 1}行：` : '';
    const name = line.enterprise.trim();
    const found = enterprises.find((e) => e.id === name) ?? enterprises.find((e) => e.name === name);
    if (!found) throw badRequest(`${where}本区没有名为“${name.slice(0, 40)}”的企业（填写企业名称或企业编号）`);
    if (!found.union_unit_id) throw badRequest(`${where}${found.name}尚未建立工会，无法开展工资集体协商`);
    const date = line.plannedStart.trim().replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1');
    if (!validDate(date)) throw badRequest(`${where}计划启动日期“${line.plannedStart.slice(0, 20)}”不是有效的日期（格式：${year}-03-01）`);
    if (Number(date.slice(0, 4)) !== year) throw badRequest(`${where}计划启动日期${date}不在${year}年度内`);
    if (seen.has(found.id)) throw badRequest(`${where}${found.name}在计划中出现了两次`);
    seen.add(found.id);
    const note = (line.note ?? '').trim();
    if (note.length > 200) throw badRequest(`${where}备注不能超过200个字`);
    return { enterpriseId: found.id, year, plannedStart: date, note };
  });
}

export async function savePlan(db: Kysely<Database>, districtId: string, year: number, lines: PlanLine[], userId: number) {
  const rows = await checkPlanLines(db, districtId, year, lines);
  const result = await db.transaction().execute((trx) => writePlans(trx, rows, userId));
  if (result.opened.length > 0 && result.written === 0) {
    throw new HttpError(409, '该企业本年度的协商已开启，计划不能再修改', 'CONFLICT');
  }
  return result;
}

/** Opens a row's round now, as the schedule would: the same number, so the schedule will not open it again. */
export async function openPlanNow(db: Kysely<Database>, temporal: Client, districtId: string, planId: number, by: Actor): Promise<{ caseNo: string }> {
  const plan = await planFacts(db, planId);
  if (!plan || plan.districtId !== districtId) throw notFound('该计划');
  if (plan.caseNo) return { caseNo: plan.caseNo };
  const caseNo = wageRoundCaseNo(plan.year, plan.planId);
  const { caseNo: _c, ...facts } = plan;
  const input: WageRoundInput = { caseNo, policy: defaultWageNegotiationPolicy, intake: { ...facts, openedBy: { role: by.role, name: by.name } } };
  return startCase(db, temporal, caseNo, input);
}
