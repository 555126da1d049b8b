/**
 * A grievance handed to the station, on the real workflows: the station's mediation case is recorded as the
 * grievance's child (case_links) from the data its creating transition already carries, and each case's own facts
 * land in its kind's table (migration 012).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedCases } from '../../db/queries/case-links';
import { findCase } from '../../db/queries/cases';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sys = await startSystem('links');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  await sys?.stop();
});

describe('a grievance and the mediation it hands over', () => {
  it('are linked parent → child, and each keeps its own facts', async () => {
    const caseworker = await api.login('beishan.sg');
    const filed = await api.call('POST', '/api/v1/grievances', {
      complainantName: '陈师傅', complainantPhone: '13905921111', enterpriseId: 'e-jingmi', category: 'unpaid_wages',
      description: '三名工人两个月工资未结清', claimedFen: 2_400_000, workerCount: 3,
    }, caseworker);
    expect(filed.status).toBe(201);
    const grievanceNo: string = filed.body.caseNo;
    for (const [action, body] of [['contactComplainant', { note: '已联系' }], ['notifyEnterpriseNow', { reason: '工人同意' }],
      ['verifyWithEnterprise', { note: '已核实' }], ['urgeMediation', { note: '企业调委会无法调解' }],
      ['recordOutcome', { outcome: 'station', employerRepresentative: '周建设', employerPhone: '13905920000', employerAddress: '杭州市西湖区文二路88号' }]] as const) {
      const r = await api.call('POST', `/api/v1/cases/${grievanceNo}/actions/${action}`, body, caseworker);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const mediationNo = `MA${grievanceNo.slice(2)}`;
    const links = await eventually(async () => {
      const l = await linkedCases(sys.db, grievanceNo);
      return l.length > 0 && l;
    }, 20_000);
    expect(links).toMatchObject([{ caseNo: mediationNo, kind: 'mediation', relation: 'child' }]);
    expect(await linkedCases(sys.db, mediationNo)).toMatchObject([{ caseNo: grievanceNo, kind: 'grievance', relation: 'parent' }]);

    expect(await sys.db.selectFrom('grievance_cases').select(['case_no', 'category', 'description']).where('case_no', '=', grievanceNo).executeTakeFirst())
      .toEqual({ case_no: grievanceNo, category: 'unpaid_wages', description: '三名工人两个月工资未结清' });
    expect(await sys.db.selectFrom('mediation_cases').selectAll().where('case_no', '=', mediationNo).executeTakeFirst())
      .toEqual({ case_no: mediationNo, dispute: '拖欠工资' });
    expect(await findCase(sys.db, mediationNo)).toMatchObject({ kind: 'mediation', category: null, description: '拖欠工资', stage: 'mediating', level: 'station' });
  });
});
