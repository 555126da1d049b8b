import { describe, expect, it } from 'vitest';
import type { Built } from '../helpers/fuzz/build';
import { judge } from '../helpers/fuzz/judge';

const route = { method: 'POST', url: '/staff/calendar' };
const built = { method: 'POST', path: '/staff/calendar', headers: {}, who: 'staffBearer', defects: ['content type "image/png"'], strict: true } as unknown as Built;
const page = (inside: string) => ({
  status: 415, type: 'text/html; charset=utf-8', location: null,
  text: `<main><div class="error" role="alert">不支持的提交格式</div><form><input type="hidden" name="_csrf" value="AGB8FST_Xv0Gz"></form>${inside}</main>`,
});

describe('the fuzz judge', () => {
  it('does not take a random token of the page for a Fastify error code, but finds one in the page itself', () => {
    expect(judge(route, built, page(''))).toEqual([]);
    expect(judge(route, built, page('<p>FST_ERR_CTP_INVALID_MEDIA_TYPE</p>'))).toEqual(['the body shows a Fastify error code']);
  });
});
