/**
 * Handlebars helpers shared by pages, SMS texts and documents: one place for how money, time and labels read. Pure:
 * the words come from the registry (workflows/kinds), the formats from workflows/shared/present; nothing from api/.
 */
import { randomUUID } from 'node:crypto';
import Handlebars from 'handlebars';
import { may } from '../workflows/kinds/access-policy';
import { actionLabel, CASE_KINDS } from '../workflows/kinds';
import { kindLabelOf, labelOf } from '../workflows/kinds/labels';
import { dueStatus } from '../workflows/shared/present/due-status';
import { maskName, maskPhone, shanghaiTime, yuan } from '../workflows/shared/present/format';
import { ROLE_LABELS } from '../workflows/shared/roles';
import { SMS_STATES } from './sms-labels';


const label = (table: Record<string, string>) => (key: unknown) => table[String(key)] ?? String(key ?? '');
/** Handlebars passes its options object last: a helper's optional argument is absent when it is that object. */
const given = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function registerHelpers(hb: typeof Handlebars = Handlebars): typeof Handlebars {
  hb.registerHelper('shanghaiTime', shanghaiTime);
  hb.registerHelper('yuan', yuan);
  hb.registerHelper('maskPhone', maskPhone);
  hb.registerHelper('maskName', maskName);
  // {{stageLabel stage case_no}}: the case's kind's word (a mediation's 'review' is not a grievance's)
  // a case of a kind without categories (a mediation) is named by its kind
  hb.registerHelper('categoryLabel', (value: unknown, caseNo?: unknown) => (value ? labelOf('categories', value, given(caseNo)) : kindLabelOf(caseNo)));
  hb.registerHelper('outcomeLabel', (value: unknown, caseNo?: unknown) => labelOf('outcomes', value, given(caseNo)));
  hb.registerHelper('stageLabel', (value: unknown, caseNo?: unknown) => labelOf('stages', value, given(caseNo)));
  hb.registerHelper('kindLabel', (caseNo: unknown) => kindLabelOf(caseNo));
  hb.registerHelper('roleLabel', label(ROLE_LABELS));
  hb.registerHelper('actionLabel', (name: unknown, caseNo?: unknown) => actionLabel(String(name ?? ''), given(caseNo)));
  // {{#if (may staff.role "documents")}}: menus follow the access policy rather than a list of roles of their own.
  hb.registerHelper('may', (role: unknown, permission: unknown) => typeof role === 'string' && typeof permission === 'string' && may(role, permission));
  // {{#each (intakeLinks staff.role)}}: where this role opens a new case, of every kind that lets it
  hb.registerHelper('intakeLinks', (role: unknown) => (typeof role === 'string'
    ? CASE_KINDS.flatMap((k) => (k.intake && may(role, k.intake.permission) ? [k.intake] : [])) : []));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // a number as the text a form posts back, to compare with what was typed: (eq (str no) values.installmentNo)
  hb.registerHelper('str', (v: unknown) => String(v ?? ''));
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  // {{#if (someAction actions failedOnly "handUp" "withdraw")}}: is any of these actions offered (or, failedOnly, refused)?
  hb.registerHelper('someAction', (actions: unknown, failedOnly: unknown, ...rest: unknown[]) => {
    const names = rest.slice(0, -1);
    return Array.isArray(actions) && actions.some((a: { name: string; error?: string }) => names.includes(a.name) && (!failedOnly || Boolean(a.error)));
  });
  // Relative to the moment the page is drawn: a countdown is only true when it is read.
  hb.registerHelper('dueOf', (due: unknown) => (due ? dueStatus(due instanceof Date ? due : String(due), Date.now()) : null));
  hb.registerHelper('smsState', label(SMS_STATES));
  // A fresh one-time key for each form as rendered: the same submission sent twice is applied once (partials/form-key).
  hb.registerHelper('newKey', () => randomUUID());
  // {{#if (oneOf staff.role "enterprise_chair" "partner_department")}}: the last argument is Handlebars' options object.
  hb.registerHelper('oneOf', (value: unknown, ...rest: unknown[]) => rest.slice(0, -1).includes(value));
  return hb;
}
