import { indexTokens, isCjk, queryTokens } from '../../search/text-analysis';

/** Words that say nothing about a suggestion's subject: never matched on. */
const STOP_WORDS = new Set([
  '建议', '进一步', '加强', '推进', '推动', '完善', '健全', '积极', '开展', '提高', '提升', '促进', '支持', '鼓励', '落实', '实施',
  '相关', '有关', '部门', '工作', '机制', '体系', '服务', '水平', '能力', '建设', '保障', '政策', '措施', '制度', '全面',
  '我们', '通过', '以及', '及其', '其中', '等等', '不断', '逐步', '逐年', '更多', '更加', '力度', '加大', '依法', '有效', '切实', '提供', '为了', '各类',
  '达到', '以上', '以下', '左右', '比例', '问题', '突出', '方便', '解决', '设立', '建立', '开设', '增加', '扩大', '纳入', '组织', '重点', '当地', '有条件',
  '减轻', '负担', '适合', '配备', '设置', '帮助', '及时', '定期', '参与', '相应', '各级', '主要', '规范', '加快', '依托', '结合', '利用',
]);

/**
 * Words nearly every women's or children's program uses: they count a little towards a score but are
 * never a reason to offer a clause, and are not shown as shared words.
 */
const PROGRAM_WORDS = new Set([
  '妇女', '儿童', '女性', '妇女儿童', '未成年人', '发展', '社会', '群体', '家庭', '社区', '农村', '城乡', '基层', '全社会', '权益', '合法权益', '安全', '健康',
]);
const PROGRAM_WORD_WEIGHT = 0.2;
/** Abbreviations suggestions use, with the words programs print instead. */
const ABBREVIATIONS: Record<string, string[]> = {
  社工: ['社会工作'],
  两癌: ['宫颈癌', '乳腺癌'],
  家暴: ['家庭暴力'],
  妇幼: ['妇女', '儿童'],
};
/** A word inside a compound (流动 in 流动人口) counts half as much as the compound itself. */
const PART_WEIGHT = 0.5;

function meaningful(word: string): boolean {
  if (STOP_WORDS.has(word)) return false;
  return isCjk(word) ? word.length >= 2 : word.length >= 3 && !/^\d+$/.test(word);
}

/**
 * Whole words of jieba's precise mode, each compound also by the words it is made of (流动人口 by
 * 流动 and 人口, never by the 动人 straddling them that search mode also yields), abbreviations
 * suggestions use also by the program's word for them (社工 → 社会工作).
 */
export function matchTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string, weight: number) => counts.set(word, (counts.get(word) ?? 0) + weight);
  for (const word of queryTokens(text)) {
    if (!meaningful(word)) continue;
    add(word, 1);
    for (const formal of ABBREVIATIONS[word] ?? []) add(formal, 1);
    if (isCjk(word) && word.length >= 3) for (const part of parts(word)) if (meaningful(part)) add(part, PART_WEIGHT);
  }
  return counts;
}

/** Content words tell a subject apart; program words (妇女, 儿童…) do not. */
export function isContentWord(word: string): boolean {
  return !PROGRAM_WORDS.has(word);
}

/** How much a word's own weight counts, before IDF. */
export function wordWeight(word: string): number {
  return isContentWord(word) ? 1 : PROGRAM_WORD_WEIGHT;
}

/**
 * The dictionary words that a compound begins or ends with, when what is left is a word too or one
 * character (流动人口: 流动 and 人口; 宫颈癌: 宫颈), so never a fragment straddling two words (动人), and
 * never the word that a negating first character turns around (成年人 in 未成年人).
 */
function parts(word: string): string[] {
  const candidates = new Set(indexTokens(word).filter((t) => t.length >= 2 && t !== word));
  const rest = (r: string) => candidates.has(r) || (r.length === 1 && !NEGATIONS.includes(r));
  return [...candidates].filter((p) => (word.startsWith(p) && rest(word.slice(p.length))) || (word.endsWith(p) && rest(word.slice(0, -p.length))));
}
const NEGATIONS = '未非不无';
