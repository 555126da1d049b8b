/** Handlebars helpers shared by pages, SMS texts and documents: one place for how money, time and labels read. */
import { randomUUID } from 'node:crypto';
import Handlebars from 'handlebars';
import { ACTION_LABELS, CATEGORY_LABELS, OUTCOME_LABELS, STAGE_LABELS } from '../workflows/kinds/grievance/model';
import { MEDIATION_ACTION_LABELS } from '../workflows/kinds/mediation/model';
import { ROLE_LABELS } from '../workflows/shared/roles';
import { may, type Permission } from '../api/security/access-policy';
import { SMS_STATES } from './sms-labels';
import { dueStatus } from '../api/services/due-status';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export function shanghaiTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? '' : SHANGHAI.format(d);
}

export function yuan(fen: unknown): string {
  const n = Number(fen);
  return Number.isFinite(n) ? (n / 100).toFixed(2) : '';
}

/** 138****5678: personal data stays masked in lists and logs (DESIGN, conventions). */
export function maskPhone(phone: unknown): string {
  const s = String(phone ?? '');
  return s.length >= 7 ? `${s.slice(0, 3)}****${s.slice(-4)}` : '****';
}

export function maskName(name: unknown): string {
  const s = String(name ?? '');
  return s.length <= 1 ? s : `${s[0]}${'*'.repeat(Math.min(s.length - 1, 2))}`;
}

const label = (table: Record<string, string>) => (key: unknown) => table[String(key)] ?? String(key ?? '');

export function registerHelpers(hb: typeof Handlebars = Handlebars): typeof Handlebars {
  hb.registerHelper('shanghaiTime', shanghaiTime);
  hb.registerHelper('yuan', yuan);
  hb.registerHelper('maskPhone', maskPhone);
  hb.registerHelper('maskName', maskName);
  hb.registerHelper('categoryLabel', label(CATEGORY_LABELS));
  hb.registerHelper('outcomeLabel', label(OUTCOME_LABELS));
  hb.registerHelper('stageLabel', label(STAGE_LABELS));
  hb.registerHelper('roleLabel', label(ROLE_LABELS));
  // Action names of the kinds do not overlap, so one table serves every case page.
  hb.registerHelper('actionLabel', label({ ...ACTION_LABELS, ...MEDIATION_ACTION_LABELS }));
  // {{#if (may staff.role "documents")}}: menus follow the access policy rather than a list of roles of their own.
  hb.registerHelper('may', (role: unknown, permission: unknown) => typeof role === 'string' && may(role, permission as Permission));
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
