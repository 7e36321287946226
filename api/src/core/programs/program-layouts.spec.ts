import { readFileSync } from 'node:fs';
import path from 'node:path';
import { flattenNodes, parseProgramText } from './program-parser';

/**
 * One line per node: indent by depth, kind (`?` when inferred), number (`?` when not printed as such),
 * the text, then the note and the responsible units when there are any.
 */
export function describeTree(text: string): string[] {
  return flattenNodes(parseProgramText(text)).map(
    (n) =>
      `${'  '.repeat(n.depth)}${n.kind}${n.kindInferred ? '?' : ''} ${n.number}${n.numberInferred ? '?' : ''} ${n.text}` +
      (n.note ? ` [note: ${n.note.replace(/\n/g, '/')}]` : '') +
      (n.responsibleUnits ? ` [units: ${n.responsibleUnits}]` : ''),
  );
}

const layout = (name: string) => readFileSync(path.join(__dirname, 'fixtures', 'layouts', `${name}.txt`), 'utf8');

/** Excerpts written in each layout governments publish programs in, and the tree each must give. */
const LAYOUTS: [string, string[]][] = [
  [
    // 二、发展领域、主要目标和策略措施 holds the areas; its 目标 does not make goals of them.
    // Headings alone or with their first item on the same line.
    'national-2021',
    [
      'section 二、 发展领域、主要目标和策略措施',
      '  area （一） 妇女与健康',
      '    section  主要目标',
      '      goal 1. 妇女全生命周期享有良好的卫生健康服务。',
      '      goal 2. 孕产妇死亡率下降到10/10万以下。',
      '    section  策略措施',
      '      measure 1. 完善保障妇女健康的制度机制。',
      '      measure 2. 加强妇幼健康服务体系建设。',
      '  area （二） 妇女与教育',
      '    section  主要目标',
      '      goal 1. 教育工作全面贯彻男女平等基本国策。',
      '      goal 2. 女性受教育年限不断提高。',
      '    section  策略措施',
      '      measure 1. 将男女平等基本国策落实到教育全过程。',
    ],
  ],
  [
    // Numbered headings with a full stop: （一）主要目标。 and 1.主要目标。 are headings, not clauses.
    'numbered-headings',
    [
      'area 一、 妇女与健康',
      '  section （一） 主要目标',
      '    goal 1. 妇女人均预期寿命延长。',
      '    goal 2. 宫颈癌和乳腺癌综合防治能力不断增强。',
      '  section （二） 策略措施',
      '    measure 1. 健全妇幼健康服务网络。',
      '    measure 2. 开展适龄妇女两癌筛查。',
      'area 二、 妇女与就业',
      '  section 1. 主要目标',
      '    goal （1） 促进妇女平等就业。',
      '    goal （2） 城镇单位女性从业人员比例保持在40%左右。',
      '  section 2. 策略措施',
      '    measure （1） 消除就业性别歧视。',
      '    measure （2） 支持妇女灵活就业。',
    ],
  ],
  [
    // 9﹒ (U+FE52), 10•, full-width １．, 1、, ASCII (4) beside （5）, ①; headings without a colon.
    'separators',
    [
      'area （三） 儿童与安全',
      '  section  主要目标',
      '    goal 9﹒ 儿童伤害死亡率以2020年为基数下降20%。',
      '    goal 10• 预防和控制儿童溺水。',
      '  section  策略措施',
      '    measure １． 加强儿童安全教育。',
      '    measure 2、 完善校园安全管理制度。',
      '      measure (4) 建立学生欺凌防治机制。',
      '      measure （5） 开展防溺水宣传。',
      '        measure ① 设置警示标志。',
      '        measure ② 配备救生设施。',
    ],
  ],
  [
    // Text extracted from a PDF: broken lines, page numbers, [接上页], a running header on every page,
    // and numbers running into figures (8.0-6个月 is clause 8; 1.5万 is a figure).
    'pdf-extract',
    [
      'area （一） 儿童与健康',
      '  section  主要目标',
      '    goal 7. 新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在3.0‰、5.0‰和6.0‰以下。',
      '    goal 8.? 0-6个月婴儿纯母乳喂养率达到50%以上。',
      '    goal 9.? 5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%以下。',
      '    goal 10.? 5岁以下儿童超重率和肥胖率得到有效控制，城乡差距缩小。',
      '  section  策略措施',
      '    measure 1. 加强儿童健康服务，1.5万名儿童接受免费体检。',
    ],
  ],
  [
    // A preamble under a heading is its note; 责任单位 on its own line or in brackets is the measure's field.
    'preamble-units',
    [
      'section 一、 指导思想 [note: 坚持以人民为中心的发展思想，促进男女平等和妇女全面发展。]',
      'area 二、 妇女与社会保障',
      '  section  主要目标 [note: 到2030年，妇女社会保障水平显著提高。]',
      '    goal 1. 妇女平等享有社会保障权益。',
      '  section  策略措施',
      '    measure 1. 健全困难妇女社会救助制度。 [units: 区民政局、区妇联]',
      '    measure 2. 落实生育保险政策。 [units: 区医保局]',
      'section 三、 组织实施',
      '  section? （一） 加强组织领导。 [note: 区妇女儿童工作委员会负责纲要实施的组织协调。]',
      'section 四、 监测评估',
    ],
  ],
  [
    // Traditional characters are read as simplified; the text is kept as published.
    'traditional',
    [
      'area （一） 婦女與經濟',
      '  section  主要目標',
      '    goal 1. 婦女平等參與經濟發展的權利得到保障。',
      '  section  策略措施',
      '    measure 1. 消除就業性別歧視。 [units: 勞工局]',
    ],
  ],
];

describe('program layouts', () => {
  it.each(LAYOUTS)('reads the %s layout as its tree', (name, expected) => {
    expect(describeTree(layout(name))).toEqual(expected);
  });
});
