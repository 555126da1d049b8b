/**
 * The registry is what the API, pages and access policy dispatch on: a kind missing a label, an action without a
 * schema, form or known permission, or two kinds claiming one prefix or one action name would break a page or a
 * route only when someone reaches it. Checked here for every kind, so a new kind fails at once.
 */
import { describe, expect, it } from 'vitest';
import { ALL_ACTIONS, CASE_KINDS, CASE_NO_PATTERN, kindOfCaseNo } from '../../workflows/kinds';
import { isKnownPermission } from '../../workflows/kinds/access-policy';
import { labelOf } from '../../workflows/kinds/labels';
import { CORE_ACTION_NAMES, CORE_ACTIONS as CORE } from '../../workflows/shared/core-features/actions';
import { FormError } from '../../workflows/shared/present/form-values';

/** Actions the core owns (take-over, coordination, claiming a pooled task): several kinds may offer them. */
const CORE_ACTIONS: string[] = CORE_ACTION_NAMES;

describe('the case kind registry', () => {
  it('gives every kind its own prefix, kind name and workflow type', () => {
    for (const field of ['prefix', 'kind', 'workflowType'] as const) {
      const values = CASE_KINDS.map((k) => k[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
    for (const k of CASE_KINDS) {
      expect(k.prefix).toMatch(/^[A-Z]{2}$/);
      expect(kindOfCaseNo(`${k.prefix}0123456789`)).toBe(k);
      expect(new RegExp(CASE_NO_PATTERN).test(`${k.prefix}0123456789`)).toBe(true);
    }
  });

  it('lets no two kinds share an action name unless the core owns it', () => {
    const owners = new Map<string, string[]>();
    for (const k of CASE_KINDS) for (const name of Object.keys(k.actions)) owners.set(name, [...(owners.get(name) ?? []), k.kind]);
    const shared = [...owners].filter(([name, kinds]) => kinds.length > 1 && !CORE_ACTIONS.includes(name));
    expect(shared).toEqual([]);
    expect([...ALL_ACTIONS].sort()).toEqual([...owners.keys()].sort());
    // a kind offering a core action offers the core's own payload and form, not a copy of its own
    for (const k of CASE_KINDS) {
      for (const name of CORE_ACTION_NAMES) if (Object.hasOwn(k.actions, name)) expect(k.actions[name].body, `${k.kind}.${name}`).toBe(CORE[name].body);
    }
  });

  it('has a complete zh-CN label for every stage, outcome, category, SMS template and action', () => {
    for (const k of CASE_KINDS) {
      expect(k.label, k.kind).toMatch(/\p{Script=Han}/u);
      for (const table of ['stages', 'outcomes', 'categories', 'sms'] as const) {
        const entries = Object.entries(k.labels[table]);
        expect(entries.length, `${k.kind}.${table}`).toBeGreaterThan(0);
        for (const [key, text] of entries) {
          expect(text, `${k.kind}.${table}.${key}`).toMatch(/\p{Script=Han}/u);
          expect(labelOf(table, key, `${k.prefix}0123456789`)).toBe(text);
        }
      }
      expect(k.labels.level('street')).toMatch(/\p{Script=Han}/u);
      // every stage the rules can reach is named: the kind's closed stage at least
      expect(Object.keys(k.labels.stages)).toContain('closed');
    }
  });

  it('gives every action a label, a payload schema, a form, a page group and a known permission', () => {
    for (const k of CASE_KINDS) {
      for (const [name, a] of Object.entries(k.actions)) {
        const where = `${k.kind}.${name}`;
        expect(a.label, where).toMatch(/\p{Script=Han}/u);
        expect(typeof a.body.properties, where).toBe('object');
        for (const field of a.body.required ?? []) expect(Object.keys(a.body.properties), where).toContain(field);
        expect(['main', 'other', 'irreversible'], where).toContain(a.group);
        expect(isKnownPermission(a.permission ?? 'case.act'), where).toBe(true);
        // an empty form is refused in zh-CN or read into a payload; it never throws anything else
        try {
          expect(a.form({}), where).toBeTypeOf('object');
        } catch (err) {
          expect(err, where).toBeInstanceOf(FormError);
          expect((err as Error).message, where).toMatch(/\p{Script=Han}/u);
        }
      }
    }
  });

  it('opens a kind\u2019s new cases from a staff page under a permission the kind defines', () => {
    for (const k of CASE_KINDS.filter((x) => x.intake)) {
      expect(k.intake!.path, k.kind).toMatch(/^\/staff\//);
      expect(k.intake!.label, k.kind).toMatch(/\p{Script=Han}/u);
      expect(isKnownPermission(k.intake!.permission), k.kind).toBe(true);
    }
  });

  it('names every permission a kind adds, with roles that exist', () => {
    for (const k of CASE_KINDS) {
      for (const [name, p] of Object.entries(k.permissions)) {
        expect(isKnownPermission(name), name).toBe(true);
        expect(p.label, name).toMatch(/\p{Script=Han}/u);
        expect(p.roles.length, name).toBeGreaterThan(0);
      }
    }
    expect(isKnownPermission('nobody.has.this')).toBe(false);
  });

  it('rebuilds a view past retention for every kind, archived and without actions', () => {
    for (const k of CASE_KINDS) {
      const view = k.archivedView({
        row: {
          case_no: `${k.prefix}0123456789`, stage: 'closed', level: 'street', status: 'closed', outcome: null, recovered_fen: null, rating: null,
          district_id: 'd-xihu', street_id: 's-beishan', enterprise_id: null, enterprise_name: '某公司', enterprise_notified_at: null, created_at: new Date(),
        },
        openTasks: [],
        parties: [{ party_no: 1, side: 'worker', name: '陈建国', phone: '13805920001', id_number: null, enterprise_id: null, claimed_fen: 100 }],
      });
      expect(view.archived, k.kind).toBe(true);
      expect(view.status).toBe('closed');
      expect(k.allowedActions(view, { role: 'district_staff', name: '区总工会', unitId: 'd-xihu' })).toEqual([]);
    }
  });
});
