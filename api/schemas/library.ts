/** The law & case library's requests (issue 23): one schema each for validation and the OpenAPI document. */
import { TOPIC_KEYS } from '../../db/seed/library/topics';
import { CATEGORY_LABELS } from '../../workflows/kinds/grievance/model';
import { optionalText, text } from './grievance';

export const QUERY_MAX = 50;
/** what "cases like mine" reads of a description: its beginning says what it is about, and a GET stays short */
export const DESCRIPTION_MAX = 500;
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,79}$';

const topic = { type: 'string', enum: [...TOPIC_KEYS], description: '主题' } as const;

export const searchQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    q: { ...optionalText(QUERY_MAX), description: '搜索内容，如“双胞胎 哺乳”“高温”“加班 休息日”' },
    topic,
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: '最多返回几条' },
  },
} as const;

/** The page's query: the same, with `topic` also empty (the form's "全部主题"). */
export const searchPageQuery = {
  type: 'object',
  properties: { q: searchQuery.properties.q, topic: { type: 'string', enum: ['', ...TOPIC_KEYS] } },
} as const;

export const similarQuery = {
  type: 'object', additionalProperties: false, required: ['description'],
  properties: {
    description: { ...text(DESCRIPTION_MAX), description: '职工正在填写的诉求描述（前500字）' },
    category: { type: 'string', enum: Object.keys(CATEGORY_LABELS), description: '所选诉求类别，相同类别的案例略靠前' },
  },
} as const;

export const slugParams = {
  type: 'object', required: ['slug'], properties: { slug: { type: 'string', pattern: SLUG_PATTERN } },
} as const;

export const itemIdParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

/** The staff form: what an item is; `slug` only when adding one (an item's address never changes). */
export const libraryItemForm = {
  type: 'object', additionalProperties: false, required: ['kind', 'topic', 'title', 'summary', 'body'],
  properties: {
    slug: { type: 'string', pattern: SLUG_PATTERN },
    kind: { type: 'string', enum: ['guide', 'statute', 'case'] },
    topic: { type: 'string', enum: [...TOPIC_KEYS] },
    title: text(80),
    law: optionalText(40),
    article: { type: 'string', maxLength: 20, pattern: '^(|第[一二三四五六七八九十百零〇0-9]+条(、第[一二三四五六七八九十百零〇0-9]+条)*)$' },
    summary: text(300),
    body: text(3000),
    keywords: optionalText(200),
  },
} as const;

export const publishForm = {
  type: 'object', additionalProperties: false, required: ['published'],
  properties: { published: { type: 'string', enum: ['0', '1'] } },
} as const;

const hit = {
  type: 'object',
  properties: {
    slug: { type: 'string' }, kind: { type: 'string', enum: ['guide', 'statute', 'case'] }, topic: { type: 'string' },
    title: { type: 'string' }, law: { type: ['string', 'null'] }, article: { type: ['string', 'null'] },
    summary: { type: 'string' }, url: { type: 'string' }, rank: { type: 'number' },
  },
} as const;

export const searchAnswer = { description: '按相关程度排列的条目', properties: { query: { type: 'string' }, items: { type: 'array', items: hit } } };

export const similarAnswer = {
  description: '与描述最相近的条目，以及已办结的类似案例（已隐去姓名、电话、身份证号和企业名称）',
  properties: {
    items: { type: 'array', items: hit },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          categoryLabel: { type: 'string' }, outcomeLabel: { type: 'string' }, excerpt: { type: 'string' },
          workerCount: { type: 'integer' }, recoveredFen: { type: ['integer', 'null'] }, closedAt: { type: 'string' },
        },
      },
    },
  },
};

/** The intake form posted to "先查一查": only what is read is checked; the rest is kept as typed for the real submit. */
export const checkFirstForm = {
  type: 'object',
  properties: {
    description: optionalText(2000),
    category: { type: 'string', maxLength: 40 },
  },
} as const;
