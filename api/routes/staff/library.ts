/**
 * District staff keep the workers' library here (issue 23): the list (with unpublished items), a form to add or edit
 * an item, unpublish or publish again, and each item's record of changes. Only 'library.edit' (district staff); a
 * refusal shows the form again with what was typed and changes nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { KIND_LABELS, LIBRARY_TOPICS, topicTitle } from '../../../db/seed/library/topics';
import { HttpError } from '../../errors';
import { classify } from '../../plugins/app/error-handler';
import { itemIdParams, libraryItemForm, publishForm, searchPageQuery } from '../../schemas/library';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { createItem, editsOf, itemForStaff, itemsForStaff, setPublished, updateItem } from '../../services/library/edit';
import { searchLibrary } from '../../services/library/search';

const EDIT = { access: 'library.edit' as const };
type Form = Record<string, string>;
const DONE: Record<string, string> = {
  created: '已添加，职工现在可以搜到这一条。', saved: '已保存修改。', unchanged: '内容没有变化，未记录修改。',
  unpublished: '已下线：职工看不到、也搜不到这一条了；可以随时重新发布。', republished: '已重新发布。',
};
const ACTIONS = { created: '添加', edited: '修改', unpublished: '下线', republished: '重新发布' } as const;
const FIELDS: Record<string, string> = { slug: '网址名', kind: '类型', topic: '主题', title: '标题', law: '法律名称', article: '条款', summary: '摘要', body: '正文', keywords: '搜索关键词', published: '发布' };

const typed = (body: unknown): Form => (body && typeof body === 'object' && !Array.isArray(body)
  ? Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Form : {});

const choices = (values: Form) => ({
  kinds: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label, selected: values.kind === value })),
  topics: LIBRARY_TOPICS.map((t) => ({ value: t.key, label: t.title, selected: values.topic === t.key })),
});

const libraryStaffPages: FastifyPluginAsync = async (app) => {
  const renderForm = async (req: FastifyRequest, reply: FastifyReply, id: number | undefined, opts: { values?: Form; error?: string; done?: string } = {}) => {
    const item = id ? await itemForStaff(app.db, id) : undefined;
    if (id && !item) throw new HttpError(404, '条目不存在', 'NOT_FOUND');
    const values = opts.values ?? (item ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v == null ? '' : String(v)])) as Form : { kind: 'statute' });
    const edits = id ? (await editsOf(app.db, id)).map((e) => ({
      ...e, actionLabel: ACTIONS[e.action],
      fields: Object.keys(e.changes ?? {}).map((k) => FIELDS[k] ?? k).join('、'),
    })) : [];
    return reply.view('staff-library-item', {
      title: item ? `编辑：${item.title}` : '添加条目', staff: req.staff, item, values, edits, error: opts.error,
      notice: opts.done && Object.hasOwn(DONE, opts.done) ? DONE[opts.done] : undefined, ...choices(values),
    });
  };

  app.get<{ Querystring: { q?: string; topic?: string; done?: string } }>('/library', { config: EDIT, schema: { querystring: searchPageQuery, hide: true } }, async (req, reply) => {
    const q = (req.query.q ?? '').trim();
    const rows = q ? await searchLibrary(app.db, q, { includeUnpublished: true, limit: 50 }) : await itemsForStaff(app.db);
    const items = rows.map((r) => ({ ...r, kindLabel: KIND_LABELS[r.kind], topicTitle: topicTitle(r.topic) }));
    return reply.view('staff-library', { title: '法律政策库', staff: req.staff, q, items, total: items.length });
  });

  app.get('/library/new', { config: EDIT }, async (req, reply) => renderForm(req, reply, undefined));

  app.post<{ Body: Form }>('/library', { config: EDIT, schema: { body: libraryItemForm, hide: true }, attachValidation: true }, async (req, reply) => {
    const values = typed(req.body);
    try {
      if (req.validationError) return await renderForm(req, reply.code(400), undefined, { values, error: zhValidationMessage(req.validationError.validation as never) });
      const id = await createItem(app.db, req.staff!, values);
      return reply.redirect(`/staff/library/${id}?done=created`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return renderForm(req, reply.code(a.status), undefined, { values, error: a.message });
    }
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/library/:id', {
    config: EDIT, schema: { params: itemIdParams, querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } }, hide: true },
  }, async (req, reply) => renderForm(req, reply, Number(req.params.id), { done: req.query.done }));

  app.post<{ Params: { id: string }; Body: Form }>('/library/:id', {
    config: EDIT, schema: { params: itemIdParams, body: libraryItemForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    const values = typed(req.body);
    const id = Number(req.params.id);
    try {
      if (req.validationError) {
        if (req.validationError.validationContext === 'params') throw new HttpError(404, '条目不存在', 'NOT_FOUND');
        return await renderForm(req, reply.code(400), id, { values, error: zhValidationMessage(req.validationError.validation as never) });
      }
      const changed = await updateItem(app.db, req.staff!, id, values);
      return reply.redirect(`/staff/library/${id}?done=${changed ? 'saved' : 'unchanged'}`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 || a.status === 404) throw err;
      return renderForm(req, reply.code(a.status), id, { values, error: a.message });
    }
  });

  app.post<{ Params: { id: string }; Body: { published: string } }>('/library/:id/published', {
    config: EDIT, schema: { params: itemIdParams, body: publishForm, hide: true },
  }, async (req, reply) => {
    const publish = req.body.published === '1';
    const changed = await setPublished(app.db, req.staff!, Number(req.params.id), publish);
    return reply.redirect(`/staff/library/${req.params.id}?done=${changed ? (publish ? 'republished' : 'unpublished') : 'unchanged'}`, 303);
  });
};

export default libraryStaffPages;
