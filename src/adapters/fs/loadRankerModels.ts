import { readFileSync } from 'node:fs';
import { parseRankerModels, RankerModelError } from '../../ranking/parseRankerModels.js';
import type { RankerModels } from '../../ranking/rankerModel.js';

/** Reads and validates a ranker model file; the error names the file. */
export function loadRankerModels(path: string): RankerModels {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RankerModelError(`cannot read the ranker model file ${path}: ${(error as Error).message}`);
  }
  try {
    return parseRankerModels(json);
  } catch (error) {
    throw new RankerModelError(`ranker model file ${path}: ${(error as Error).message}`);
  }
}
