import { readFileSync } from 'node:fs';
import { parseRerankRules, RerankRulesError } from '../../reranking/parseRerankRules.js';
import { NO_RERANK_RULES, type RerankRules } from '../../reranking/rerankRules.js';

/** Reads and validates the business rules file; null: no rules. The error names the file. */
export function loadRerankRules(path: string | null): RerankRules {
  if (path === null) return NO_RERANK_RULES;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RerankRulesError(`cannot read the re-ranking rules file ${path} (RERANK_RULES): ${(error as Error).message}`);
  }
  try {
    return parseRerankRules(json);
  } catch (error) {
    throw new RerankRulesError(`re-ranking rules file ${path} (RERANK_RULES): ${(error as Error).message}`);
  }
}
