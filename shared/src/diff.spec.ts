import { diffText } from './diff';

describe('diffText', () => {
  it('marks characters inserted and deleted inside a changed Chinese paragraph', () => {
    expect(diffText('加大政府购买服务资金投入', '进一步加大政府购买服务投入')).toEqual([
      { kind: 'insert', text: '进一步' },
      { kind: 'equal', text: '加大政府购买服务' },
      { kind: 'delete', text: '资金' },
      { kind: 'equal', text: '投入' },
    ]);
  });

  it('keeps unchanged paragraphs whole and shows added and removed ones', () => {
    const segments = diffText('背景\n建议一\n建议二', '背景\n建议二\n建议三');
    expect(segments.map((s) => s.kind)).toEqual(['equal', 'delete', 'equal', 'insert']);
    expect(segments.filter((s) => s.kind !== 'delete').map((s) => s.text).join('')).toBe('背景\n建议二\n建议三');
    expect(segments.filter((s) => s.kind !== 'insert').map((s) => s.text).join('')).toBe('背景\n建议一\n建议二');
  });

  it('handles empty texts', () => {
    expect(diffText('', '新')).toEqual([{ kind: 'insert', text: '新' }]);
    expect(diffText('旧', '')).toEqual([{ kind: 'delete', text: '旧' }]);
    expect(diffText('', '')).toEqual([]);
  });
});
