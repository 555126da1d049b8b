import { describe, expect, it } from 'vitest';
import { dueStatus } from '../../workflows/shared/present/due-status';

// 2026-11-25 10:00 in Shanghai
const now = Date.parse('2026-11-25T02:00:00Z');

describe('due status', () => {
  it('reads overdue, due today, soon and later with a countdown in words', () => {
    expect(dueStatus('2026-11-25T00:40:00Z', now)).toEqual({ state: 'overdue', label: '已超时 1小时20分' });
    expect(dueStatus('2026-11-23T02:00:00Z', now)).toEqual({ state: 'overdue', label: '已超时 2天' });
    expect(dueStatus('2026-11-25T09:00:00Z', now)).toEqual({ state: 'today', label: '今天到期，还剩 7小时' });
    // 23:59:59 Shanghai is still today; 00:30 the next day is not.
    expect(dueStatus('2026-11-25T15:59:59Z', now).state).toBe('today');
    expect(dueStatus('2026-11-25T16:30:00Z', now)).toEqual({ state: 'soon', label: '还剩 14小时30分' });
    expect(dueStatus('2026-11-27T02:00:00Z', now)).toEqual({ state: 'soon', label: '还剩 2天' });
    expect(dueStatus('2026-12-10T02:00:00Z', now)).toEqual({ state: 'later', label: '还剩 15天' });
    expect(dueStatus(new Date(now + 20_000), now).label).toBe('今天到期，还剩 1分钟');
  });
});
