/**
 * The city union's forms for the negotiation index (issue 22): the tree's names and weights (saved as a new version),
 * and the values entered for one enterprise and year. A refusal shows the form again with the zh-CN message and
 * what was typed, and saves nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { yearFacts } from '../../../db/queries/negotiation-index-computed';
import { currentTree, enteredValuesOf, enterprisesInIndex } from '../../../db/queries/negotiation-index';
import { MEASURES, NO_FACTS, nodesOf, rawValuesOf, type NodeEdit } from '../../../workflows/shared/negotiation-index';
import { badRequest } from '../../errors';
import { classify } from '../../plugins/app/error-handler';
import { YEAR_MAX, YEAR_MIN } from '../../schemas/negotiation-index';
import { indexAreaOf } from '../../services/negotiation-index/area';
import { editTree, enterpriseInArea, enterValues } from '../../services/negotiation-index/changes';
import { thisYear } from '../../services/negotiation-index/report';

type Form = Record<string, string>;
const EDIT = { config: { access: 'negotiationIndex.edit' as const } };
const LEVEL_CLASS = { 1: 'ni-dim', 2: 'ni-branch', 3: 'ni-leaf' } as const;

function formOf(req: FastifyRequest): Form {
  const b = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return {};
  return Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === 'string')) as Form;
}

function yearOf(v: unknown): number {
  const y = Number(v ?? thisYear());
  if (!Number.isInteger(y) || y < YEAR_MIN || y > YEAR_MAX) throw badRequest(`年度应为${YEAR_MIN}到${YEAR_MAX}之间的整数`);
  return y;
}

const negotiationIndexEditPages: FastifyPluginAsync = async (app) => {
  const renderTree = async (req: FastifyRequest, reply: FastifyReply, opts: { error?: string; typed?: Form; done?: boolean } = {}) => {
    const t = await currentTree(app.db);
    const typed = opts.typed ?? {};
    const nodes = nodesOf(t.tree).map(({ level, node }) => ({
      level, cls: LEVEL_CLASS[level], code: node.code,
      name: typed[`name:${node.code}`] ?? node.name, weight: typed[`weight:${node.code}`] ?? String(node.weight),
      detail: 'unit' in node ? `${node.unit}；${node.source.kind === 'computed' ? `系统计算：${MEASURES[node.source.measure]}` : '人工录入'}` : '',
    }));
    return reply.view('negotiation-index-tree', {
      title: '协商指数指标体系', staff: req.staff, version: t.version, savedAt: t.savedAt, savedBy: t.savedBy, nodes,
      note: typed.note ?? '', error: opts.error, notice: opts.done ? `已保存为第${t.version}版。` : undefined,
    });
  };

  app.get<{ Querystring: { done?: string } }>('/negotiation-index/tree', EDIT, async (req, reply) => renderTree(req, reply, { done: req.query?.done === '1' }));

  app.post('/negotiation-index/tree', EDIT, async (req, reply) => {
    const form = formOf(req);
    try {
      const edits = new Map<string, NodeEdit>();
      const edit = (code: string) => edits.get(code) ?? edits.set(code, { code }).get(code)!;
      for (const [key, value] of Object.entries(form)) {
        const [kind, code] = key.split(':');
        if (kind === 'name' && code) edit(code).name = value;
        if (kind === 'weight' && code) {
          const w = Number(value);
          if (!/^\s*[0-9.]+\s*$/.test(value) || !Number.isFinite(w)) throw badRequest(`编码为“${code.slice(0, 20)}”的指标的权重应填数字，如0.25`);
          edit(code).weight = w;
        }
      }
      const version = Number(form.version);
      if (!Number.isInteger(version) || version < 1) throw badRequest('页面已过期，请刷新后重新修改');
      await editTree(app.db, req.staff!, version, [...edits.values()], (form.note ?? '').slice(0, 100));
      return reply.redirect('/staff/negotiation-index/tree?done=1', 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      reply.code(a.status);
      return renderTree(req, reply, { error: a.message, typed: form });
    }
  });

  const renderValues = async (req: FastifyRequest, reply: FastifyReply, enterpriseId: string | undefined, year: number, opts: { error?: string; typed?: Form; done?: boolean } = {}) => {
    const area = await indexAreaOf(app.db, req.staff!);
    const streetIds = area.streets.map((s) => s.id);
    const all = await app.db.selectFrom('enterprises').select(['id', 'name']).where('street_id', 'in', streetIds.length ? streetIds : ['']).orderBy('id').execute();
    const inIndex = new Set((await enterprisesInIndex(app.db, year, streetIds)).map((e) => e.id));
    const { tree, version } = await currentTree(app.db);
    let leaves: Record<string, unknown>[] = [];
    let enterpriseName = '';
    if (enterpriseId) {
      const e = await enterpriseInArea(app.db, req.staff!, enterpriseId);
      enterpriseName = e.name;
      const entered = new Map((await enteredValuesOf(app.db, e.id, year)).map((v) => [v.code, v]));
      const facts = (await yearFacts(app.db, year, [e.street_id])).get(e.id) ?? NO_FACTS;
      const raw = rawValuesOf(tree, facts, Object.fromEntries([...entered].map(([c, v]) => [c, v.value])));
      leaves = nodesOf(tree).map(({ level, node }) => {
        if (!('unit' in node)) return { heading: true, cls: LEVEL_CLASS[level], name: node.name };
        const typedValue = opts.typed?.[`v:${node.code}`];
        const e2 = entered.get(node.code);
        return {
          code: node.code, name: node.name, unit: node.unit, computed: node.source.kind === 'computed',
          value: typedValue ?? (raw[node.code] === null || raw[node.code] === undefined ? '' : String(raw[node.code])),
          range: node.source.kind === 'entered' ? (node.scoring.kind === 'boolean' ? '1=是，0=否' : `${node.source.min}–${node.source.max}`) : MEASURES[node.source.measure],
          by: e2 ? `${e2.enteredBy}` : '', at: e2?.enteredAt,
        };
      });
    }
    return reply.view('negotiation-index-values', {
      title: '录入协商指数数据', staff: req.staff, year, version, enterpriseId, enterpriseName, leaves,
      enterprises: all.map((e) => ({ ...e, selected: e.id === enterpriseId, inIndex: inIndex.has(e.id) })),
      error: opts.error, notice: opts.done ? '已保存。' : undefined,
    });
  };

  app.get<{ Querystring: { enterprise?: string; year?: string; done?: string } }>('/negotiation-index/values', EDIT, async (req, reply) => {
    const year = yearOf(req.query?.year);
    return renderValues(req, reply, req.query?.enterprise || undefined, year, { done: req.query?.done === '1' });
  });

  app.post('/negotiation-index/values', EDIT, async (req, reply) => {
    const form = formOf(req);
    const enterpriseId = form.enterpriseId ?? '';
    let year = thisYear();
    try {
      year = yearOf(form.year);
      const { tree } = await currentTree(app.db);
      const values: Record<string, number | null> = {};
      // Every entered leaf is on the form: a blank field clears the value (normalizeFormBody drops blank fields).
      for (const { node } of nodesOf(tree)) {
        if (!('unit' in node) || node.source.kind !== 'entered') continue;
        const typed = form[`v:${node.code}`];
        if (typed === undefined) { values[node.code] = null; continue; }
        const n = Number(typed);
        if (!/^-?[0-9]+(\.[0-9]+)?$/.test(typed) || !Number.isFinite(n)) throw badRequest(`“${node.name}”应填数字，现为“${typed.slice(0, 20)}”`);
        values[node.code] = n;
      }
      await enterValues(app.db, req.staff!, enterpriseId, year, values);
      return reply.redirect(`/staff/negotiation-index/values?enterprise=${encodeURIComponent(enterpriseId)}&year=${year}&done=1`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      reply.code(a.status);
      // An enterprise that does not exist (or not here) is not offered again.
      const known = a.status === 404 ? undefined : enterpriseId || undefined;
      return renderValues(req, reply, known, year, { error: a.message, typed: form });
    }
  });
};

export default negotiationIndexEditPages;
