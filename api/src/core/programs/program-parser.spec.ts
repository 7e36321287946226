import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FlatNode, ParsedNode, flattenNodes, nestNodes, parseProgramText } from './program-parser';

const MIXED = readFileSync(path.join(__dirname, 'fixtures', 'mixed-numbering.txt'), 'utf8');

/** "kind number text" per node, indented by depth: easy to compare whole trees. */
function outline(nodes: ParsedNode[]): string[] {
  return flattenNodes(nodes).map((n) => `${'  '.repeat(n.depth)}${[n.kind, n.number, n.text.slice(0, 12)].filter(Boolean).join(' ')}`);
}

describe('parseProgramText', () => {
  it('recognises 一、 / （一） / 1. / （1） / ① numbering and the goal and measure groups as a tree', () => {
    expect(outline(parseProgramText(MIXED))).toEqual([
      'section 一、 指导思想和基本原则',
      '  section （一） 指导思想',
      'section 二、 发展领域、主要目标和策略',
      '  area （一） 妇女与经济',
      '    section 主要目标',
      '      goal 1. 鼓励支持妇女为推动经济高',
      '      goal 2． 促进平等就业，消除就业性',
      '    section 策略措施',
      '      measure 1、 加大政府购买服务力度，支',
      '        measure （1） 将流动妇女社会工作服务纳',
      '        measure （2） 逐年增加购买服务资金投入',
      '      measure 2. 开展面向流动妇女的免费职',
      '  area （二） 妇女与社会保障',
      '    section 主要目标',
      '      goal 1. 妇女平等享有社会保障权益',
      '    section 策略措施',
      '      measure 1. 健全困难妇女社会救助制度',
      '        measure ① 建立边缘困境妇女动态监测',
      '        measure ② 落实临时救助政策。',
      'section 三、 组织实施',
      '  measure （一） 加强组织领导。区妇女儿童',
    ]);
  });

  it('joins an unnumbered line to the clause above it (a line break is not a paragraph)', () => {
    const tree = parseProgramText(MIXED);
    const economy = tree[1].children[0];
    expect(economy.children[1].children[1].text).toBe('开展面向流动妇女的免费职业技能培训，推荐培训合格的妇女就业。');
  });

  it('keeps unnumbered text under a heading as its note, not as a clause', () => {
    const [principles] = parseProgramText(MIXED);
    expect(principles.children[0]).toMatchObject({ text: '指导思想', note: '坚持以人民为中心的发展思想，促进男女平等和妇女全面发展。', children: [] });
  });

  it('does not take a year or a decimal for a clause number', () => {
    const tree = parseProgramText('一、妇女与健康\n1.妇女人均预期寿命延长。\n2021年以来，1.5万名妇女接受筛查。');
    expect(tree).toHaveLength(1);
    expect(tree[0].children).toHaveLength(1);
    expect(tree[0].children[0].text).toBe('妇女人均预期寿命延长。\n2021年以来，1.5万名妇女接受筛查。');
  });

  it('accepts half-width parentheses and full-width spaces', () => {
    const tree = parseProgramText('(一)儿童与安全\n\u3000\u3000(1) 预防和控制儿童溺水。');
    expect(flattenNodes(tree).map((n) => [n.depth, n.number, n.text])).toEqual([
      [0, '(一)', '儿童与安全'],
      [1, '(1)', '预防和控制儿童溺水。'],
    ]);
    expect(tree[0].kind).toBe('area');
  });

  it('round-trips between the tree and the flat pre-order form', () => {
    const tree = parseProgramText(MIXED);
    const flat: FlatNode[] = flattenNodes(tree);
    expect(nestNodes(flat)).toEqual(tree);
  });

  it('returns nothing for empty text', () => {
    expect(parseProgramText(' \n\u3000\n')).toEqual([]);
  });
});
