/** The legal-aid kind's own routes as the fuzzer sends them: valid requests to start from that can open no case. */
import { legalAidIntakeBody } from '../../../api/schemas/legal-aid';
import { fieldsOf, type Recipe } from './recipe';

/** A street of no district (looked up, refused), so that no generated request opens a case. */
const INTAKE = {
  workers: [{ name: '刘工', phone: '13600009999', idNumber: '330106198001011235', claimedFen: 100_000 }],
  debtors: [{ name: '西湖精密机械有限公司', address: '杭州市西湖区某路1号', representative: '王总' }],
  dispute: '拖欠工资', facts: '拖欠一个月工资。', streetId: 'not-a-street',
};
const INTAKE_FORM = {
  workers: '刘工，13600009999，330106198001011235，1000', debtors: '西湖精密机械有限公司，杭州市西湖区某路1号，王总',
  dispute: '拖欠工资', facts: '拖欠一个月工资。', streetId: 'not-a-street',
};

export function legalAidRecipes(caseNoParam: { caseNo: 'caseNo' }): Record<string, Recipe> {
  return {
    'GET /legal-aid/track': { audience: 'anyone', runs: 8 },
    'POST /legal-aid/track': { audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: 'LA0000000000', phone: '{phoneA}' } }] },
    'POST /legal-aid/track/verify': { audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: 'LA0000000000', phone: '{phoneA}', code: '123456' } }] },
    // the fuzzed cases are grievances: the legal-aid page refuses them (a malformed or another kind's number)
    'GET /legal-aid/track/:caseNo': { audience: 'worker', params: caseNoParam, unknownParamIsFine: true, runs: 16 },
    'POST /legal-aid/track/:caseNo/rate': { audience: 'worker', enc: 'form', params: caseNoParam, runs: 16, templates: [{ body: { rating: '4', comment: '办得很好' } }] },
    'GET /staff/legal-aid/new': { audience: 'staff', runs: 8 },
    'GET /staff/legal-aid/lawyers': { audience: 'staff', runs: 8 },
    'POST /staff/legal-aid/new': { audience: 'staff', enc: 'form', runs: 30, templates: [{ body: INTAKE_FORM }] },
    'POST /api/v1/legal-aid/applications': {
      audience: 'staff', enc: 'json', closed: true, runs: 40, templates: [{ body: INTAKE }],
      fields: fieldsOf({ required: ['dispute', 'facts', 'streetId'], properties: { dispute: legalAidIntakeBody.properties.dispute, facts: legalAidIntakeBody.properties.facts, streetId: legalAidIntakeBody.properties.streetId } }, { streetId: { lookup: [] } }),
    },
  };
}
