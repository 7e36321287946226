/**
 * Why clause matching proposed nothing for a suggestion (the web app explains each in Chinese and English):
 * - no_clauses: the program(s) hold no goal or measure clause to compare with;
 * - no_content_words: the suggestion has only stop words and words every program uses (妇女, 儿童, 发展…);
 * - no_shared_words: no clause shares a content word with it;
 * - below_threshold: clauses share words with it, but the best score is below the minimum;
 * - all_decided: the clauses that matched were already confirmed or rejected for it.
 */
export const NO_MATCH_REASONS = ['no_clauses', 'no_content_words', 'no_shared_words', 'below_threshold', 'all_decided'] as const;
export type NoMatchReason = (typeof NO_MATCH_REASONS)[number];
