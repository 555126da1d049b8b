import { describe, expect, it } from 'vitest';
import { parseMarkup, titleOf } from '../../activities/documents/markup';

describe('document markup', () => {
  it('reads each line as a block, numbering terms and sub-items by itself', () => {
    const blocks = parseMarkup(`
      # 调解协议书
      % 案号：XM-1

      : 申请人：王小明。
      申请人与被申请人因拖欠工资发生劳动争议。
      + 第一条
      - 分期一
      - 分期二
      + 第二条
      - 分期一


      ## 请求事项
      + 重新编号
      _ 申请人王小明（签名）：
      _ 申请人李红梅（签名）：

      _ 调解员（签名）：
      > 二〇二六年十一月二十五日

    `);
    expect(blocks).toEqual([
      { type: 'title', text: '调解协议书' },
      { type: 'subtitle', text: '案号：XM-1' },
      { type: 'space' },
      { type: 'line', text: '申请人：王小明。' },
      { type: 'paragraph', text: '申请人与被申请人因拖欠工资发生劳动争议。' },
      { type: 'item', label: '一、', text: '第一条' },
      { type: 'subitem', label: '（一）', text: '分期一' },
      { type: 'subitem', label: '（二）', text: '分期二' },
      { type: 'item', label: '二、', text: '第二条' },
      { type: 'subitem', label: '（一）', text: '分期一' },
      { type: 'space' },
      { type: 'heading', text: '请求事项' },
      { type: 'item', label: '一、', text: '重新编号' },
      { type: 'signatures', labels: ['申请人王小明（签名）：', '申请人李红梅（签名）：'] },
      { type: 'space' },
      { type: 'signatures', labels: ['调解员（签名）：'] },
      { type: 'right', text: '二〇二六年十一月二十五日' },
    ]);
    expect(titleOf(blocks)).toBe('调解协议书');
  });

  it('reads attachments and an attached table with its header and total row', () => {
    const blocks = parseMarkup(`
      & 调解协议书
      & 身份证明
      @ 附表：申请人名单及金额
      || 序号 | 姓名 | 金额（元） | 签名
      | 1 | 陈志明 | 100.00 |
      | 2 | 林美玲 | 200.00 |
      |= 合计 | | 300.00 |
    `);
    expect(blocks).toEqual([
      { type: 'attachments', items: ['调解协议书', '身份证明'] },
      { type: 'caption', text: '附表：申请人名单及金额' },
      { type: 'table', header: ['序号', '姓名', '金额（元）', '签名'], rows: [['1', '陈志明', '100.00'], ['2', '林美玲', '200.00']], total: ['合计', '', '300.00'] },
    ]);
    expect(() => parseMarkup('| 1 | 陈志明')).toThrow(/header/);
  });

  it('needs a title', () => {
    expect(() => titleOf(parseMarkup('正文'))).toThrow(/title/);
  });
});
