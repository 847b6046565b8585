import { NO_RERANK_RULES, type RerankRules } from '../../reranking/rerankRules.js';
import { loadRerankRules } from './loadRerankRules.js';
import { watchFile, type WatchedFile, type WatchLogOptions } from './watchFile.js';

/** The current business rules, replaced when their file changes. */
export type RerankRuleSource = WatchedFile<RerankRules>;

function counts(rules: RerankRules): string {
  const caps = rules.categoryCaps;
  const capped = `category cap ${caps.default ?? 'none'} by default, ${Object.keys(caps.perCategory).length} per category`;
  return `${rules.rules.length} rule${rules.rules.length === 1 ? '' : 's'} (${rules.rules.map((rule) => rule.name).join(', ') || 'none'}), ${capped}`;
}

/**
 * The RERANK_RULES file, watched as the model file is (watchFile): a new file that does not
 * parse is refused with a logged message and the previous rules stay. No file: no rules, and
 * nothing to watch.
 */
export function watchRerankRules(file: string | null, options: WatchLogOptions): RerankRuleSource {
  if (file === null) return { current: () => NO_RERANK_RULES, reload: () => false, close: () => {} };
  return watchFile(file, { ...options, load: loadRerankRules, subject: 're-ranking rules', fileSubject: 're-ranking rules file', describe: counts });
}
