import { chineseNumeral, formalDocumentBlocks, leadingNumber, officialDate } from './formal-document';

describe('formal document layout', () => {
  it.each([
    ['一、基本情况', '一、'],
    ['十二、附则', '十二、'],
    ['（三）工作措施', '（三）'],
    ['(3)工作措施', '(3)'],
    ['1.主要目标', '1.'],
    ['１．主要目标', '１．'],
    ['2、策略措施', '2、'],
    ['9﹒加强监测', '9﹒'],
    ['⑤ 其他', '⑤'],
    ['第二部分 存在的问题', '第二部分'],
  ])('finds the number an author typed in %s', (text, number) => expect(leadingNumber(text)).toBe(number));

  it.each(['基本情况', '3.5%的家庭', '2021年以来', '一是加强培训', '十分必要'])('finds no number in %s', (text) => expect(leadingNumber(text)).toBeNull());

  it('writes heading numbers and dates as official documents do', () => {
    expect([1, 9, 10, 11, 20, 35].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '三十五']);
    expect(officialDate('2021-12-15')).toBe('2021年12月15日');
    expect(officialDate('2024-03-08')).toBe('2024年3月8日');
  });

  it('numbers headings per level, keeps hand numbers, and leads each suggestion with its number and title', () => {
    const heading = (text: string, level: number) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const blocks = formalDocumentBlocks({
      body: {
        type: 'doc',
        content: [
          heading('一、基本情况', 2),
          heading('现状', 3),
          heading('问题', 3),
          heading('建议', 2),
          heading('（一）托育', 3),
          { type: 'suggestion', attrs: { id: 's1' }, content: [paragraph('依托社区开展。')] },
          { type: 'suggestion', attrs: { id: 's2' }, content: [paragraph('（二）加强培训。'), paragraph('每年两期。')] },
        ],
      },
      summary: '',
      suggestions: [
        { id: 's1', number: 1, title: '建立托管点', text: '依托社区开展。' },
        { id: 's2', number: 2, title: '加强培训', text: '（二）加强培训。\n每年两期。' },
      ],
    });
    expect(blocks.map((b) => (b.kind === 'heading' ? `${b.number}|${b.runs[0].text}` : b.kind === 'suggestion' ? `${b.number}|${b.title}|${b.paragraphs.length}` : b.kind))).toEqual([
      '|一、基本情况',
      '（一）|现状',
      '（二）|问题',
      '二、|建议',
      '|（一）托育',
      '1.|建立托管点。|1',
      '||2',
    ]);
  });
});
