/** The legal-aid kind's own routes as the fuzzer sends them: valid requests to start from that can open no case. */
import { legalAidIntakeBody } from '../../../api/schemas/legal-aid';
import { onlineApplicationBody } from '../../../api/schemas/legal-aid-online';
import { PHONE_PATTERN } from '../../../workflows/shared/schema-primitives';
import { fieldsOf, type Fields, type Recipe } from './recipe';

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

/** A worker's own application online, from a street of no district: refused before the code is looked at. */
const ONLINE = {
  name: '刘工', phone: '13700008877', idNumber: '330106198001011235', employerName: '杭州某建筑劳务有限公司', employerAddress: '杭州市西湖区某路1号',
  employerRepresentative: '王总', dispute: '拖欠工资', facts: '拖欠一个月工资。', claimedFen: 100_000, streetId: 'not-a-street', code: '123456',
};
const { claimedFen: _fen, ...onlineText } = ONLINE;
const ONLINE_FORM = { ...onlineText, claimedYuan: '1000', idempotencyKey: 'fuzz-online-0001' };
const text = (maxLength: number, required = true) => ({ type: 'string' as const, required, notBlank: required, maxLength, readable: true });
/** what the application page's form reader (api/services/legal-aid-online-form.ts) refuses, field by field */
const ONLINE_FORM_FIELDS: Fields = {
  name: text(30), phone: { type: 'string', required: true, pattern: new RegExp(PHONE_PATTERN, 'u') },
  idNumber: { type: 'string', required: true, pattern: /^[0-9]{17}[0-9Xx]$/u }, employerName: text(100),
  employerAddress: text(200, false), employerRepresentative: text(30, false), dispute: text(60), facts: text(4000),
  claimedYuan: { type: 'string', required: true, pattern: /^[0-9]{1,10}(\.[0-9]{1,2})?$/u }, streetId: { type: 'string', required: true, lookup: [] },
  code: { type: 'string', pattern: /^[0-9]{6}$/u },
};

export function legalAidRecipes(caseNoParam: { caseNo: 'caseNo' }): Record<string, Recipe> {
  return {
    'GET /legal-aid/track': { audience: 'anyone', runs: 8 },
    'POST /legal-aid/track': { audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: 'LA0000000000', phone: '{phoneA}' } }] },
    'POST /legal-aid/track/verify': { audience: 'anyone', enc: 'form', runs: 30, templates: [{ body: { caseNo: 'LA0000000000', phone: '{phoneA}', code: '123456' } }] },
    // the fuzzed cases are grievances: the legal-aid page refuses them (a malformed or another kind's number)
    'GET /legal-aid/track/:caseNo': { audience: 'worker', params: caseNoParam, unknownParamIsFine: true, runs: 16 },
    'POST /legal-aid/track/:caseNo/rate': { audience: 'worker', enc: 'form', params: caseNoParam, runs: 16, templates: [{ body: { rating: '4', comment: '办得很好' } }] },
    'GET /legal-aid/apply': { audience: 'anyone', runs: 8 },
    'POST /legal-aid/apply': { audience: 'anyone', enc: 'form', runs: 40, templates: [{ body: ONLINE_FORM }], fields: ONLINE_FORM_FIELDS },
    // only the phone is read (the rest is kept for the form): a valid phone would text a code, so the phone is what breaks
    'POST /legal-aid/apply/code': { audience: 'anyone', enc: 'form', runs: 20, templates: [{ body: ONLINE_FORM }], fields: { phone: ONLINE_FORM_FIELDS.phone } },
    'POST /api/v1/legal-aid/online-applications': {
      audience: 'anyone', enc: 'json', closed: true, runs: 60, templates: [{ body: ONLINE }],
      fields: fieldsOf(onlineApplicationBody, { streetId: { lookup: [] } }),
    },
    'GET /staff/legal-aid/new': { audience: 'staff', runs: 8 },
    'GET /staff/legal-aid/lawyers': { audience: 'staff', runs: 8 },
    'POST /staff/legal-aid/new': { audience: 'staff', enc: 'form', runs: 30, templates: [{ body: INTAKE_FORM }] },
    'POST /api/v1/legal-aid/applications': {
      audience: 'staff', enc: 'json', closed: true, runs: 40, templates: [{ body: INTAKE }],
      fields: fieldsOf({ required: ['dispute', 'facts', 'streetId'], properties: { dispute: legalAidIntakeBody.properties.dispute, facts: legalAidIntakeBody.properties.facts, streetId: legalAidIntakeBody.properties.streetId } }, { streetId: { lookup: [] } }),
    },
  };
}
