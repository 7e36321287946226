/** A deterministic synthetic corpus of Chinese case-evidence records, for the search benchmark. */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DISTRICTS = ['晋安区', '仓山区', '鼓楼区', '台江区', '马尾区', '长乐区', '闽侯县', '连江县', '罗源县', '永泰县'];
export const TOWNS = ['鼓山镇', '新店镇', '宦溪镇', '岳峰镇', '盖山镇', '城门镇', '建新镇', '南屿镇', '琅岐镇', '上街镇'];
export const COMMUNITIES = ['茶会社区', '东山社区', '浦下社区', '连潘社区', '福兴社区', '竹屿社区', '横屿社区', '鹤林社区'];
export const POPULATIONS = ['流动妇女', '流动儿童', '留守儿童', '老年照料者', '困境妇女', '残疾妇女', '单亲母亲'];
export const THEMES = ['职业技能培训', '课后托管', '心理健康', '家庭暴力预防', '就业帮扶', '校园社工', '法律援助', '健康检查', '家庭教育', '社区议事'];
export const SOURCES = ['case_file', 'service_record', 'interview', 'survey', 'official_statistics', 'news'];

const PHRASES = [
  '外来务工人员子女学习习惯较差，课后无人照看',
  '社工站开展个案辅导后学生流失率明显下降',
  '参加家政、美容、电工、按摩等免费职业技能培训',
  '取得人社部门颁发的职业资格证书并实现就业',
  '母亲文化程度偏低，从事临时性、非正规工作',
  '家庭收入不稳定，住房条件较差，租住在城中村',
  '志愿者每周组织亲子阅读和四点半课堂',
  '通过政府购买服务引入专业社工机构',
  '妇女议事会推动社区设立儿童之家',
  '开展反家庭暴力宣传和婚姻家庭纠纷调解',
  '老年照料者身心负担重，需要喘息服务',
  '残疾妇女就业渠道窄，需要辅助性就业岗位',
  '学校与社区联动建立流动儿童关爱机制',
  '三社联动项目覆盖社区、社会组织和社工人才',
  '调查显示多数受访妇女希望获得技能培训',
  '单亲母亲面临育儿与工作难以兼顾的困境',
];

export interface CorpusRecord {
  id: string;
  title: string;
  body: string;
  district: string;
  population: string;
  theme: string;
  source: string;
  date: number;
}

export function generateCorpus(size: number, seed = 20220601): CorpusRecord[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const records: CorpusRecord[] = [];
  for (let i = 0; i < size; i++) {
    const district = pick(DISTRICTS);
    const population = pick(POPULATIONS);
    const theme = pick(THEMES);
    const place = `${district}${pick(TOWNS)}${pick(COMMUNITIES)}`;
    const sentences = [`${2013 + Math.floor(random() * 12)}年，${place}针对${population}开展${theme}服务。`];
    const count = 4 + Math.floor(random() * 10);
    for (let s = 0; s < count; s++) sentences.push(`${pick(PHRASES)}，共服务${10 + Math.floor(random() * 2000)}人次。`);
    records.push({
      id: `ev-${i}`,
      title: `${district}${population}${theme}案例${i % 997}`,
      body: sentences.join(''),
      district,
      population,
      theme,
      source: pick(SOURCES),
      date: Date.UTC(2013, 0, 1) + Math.floor(random() * 12 * 365) * 86_400_000,
    });
  }
  return records;
}

export interface BenchQuery {
  words: string[];
  filter: { field: 'district' | 'population'; value: string } | null;
}

const QUERY_WORDS = [
  ...DISTRICTS, ...TOWNS, ...COMMUNITIES, ...POPULATIONS, ...THEMES,
  '流失率', '流失', '务工人员', '职业资格证书', '社工', '家政', '电工', '培训', '就业', '课后', '亲子阅读', '儿童之家',
  '喘息服务', '调解', '城中村', '政府购买服务', '关爱机制', '受访妇女', '育儿',
];

export function generateQueries(count: number, seed = 7): BenchQuery[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(QUERY_WORDS));
    const filter =
      i % 2 === 0 ? null : random() < 0.5 ? { field: 'district' as const, value: pick(DISTRICTS) } : { field: 'population' as const, value: pick(POPULATIONS) };
    return { words: [...new Set(words)], filter };
  });
}
