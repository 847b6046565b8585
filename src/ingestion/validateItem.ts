import type { ItemInput } from '../pipeline/requests.js';
import { describeValue } from './describeValue.js';
import { idProblem } from './idProblem.js';
import { invalid, valid, type Validation } from './validation.js';

/** Limits of one item, the same for the upsertItems mutation and for file ingestion. */
export const ITEM_LIMITS = {
  titleLength: 1000,
  textLength: 20_000,
  categories: 50,
  tags: 200,
  /** Of one category or tag: a label, not a text. */
  labelLength: 200,
  minYear: 0,
  maxYear: 3000,
} as const;

/**
 * Checks one item against the limits the API promises. Pure; the value returned is the
 * input itself, so callers may keep using theirs. Reasons name the field and echo the value.
 */
export function validateItem(input: ItemInput): Validation<ItemInput> {
  const reason = itemProblem(input);
  return reason === null ? valid(input) : invalid(reason);
}

function itemProblem(input: ItemInput): string | null {
  const id = idProblem('id', input.id);
  if (id !== null) return id;
  if (typeof input.title !== 'string' || input.title.trim().length === 0) {
    return `title must be a non-empty string, got ${describeValue(input.title)}`;
  }
  if (input.title.length > ITEM_LIMITS.titleLength) {
    return `title must be at most ${ITEM_LIMITS.titleLength} characters, got ${input.title.length}`;
  }
  if (typeof input.text !== 'string') return `text must be a string, got ${describeValue(input.text)}`;
  if (input.text.length > ITEM_LIMITS.textLength) {
    return `text must be at most ${ITEM_LIMITS.textLength} characters, got ${input.text.length}`;
  }
  const categories = labelsProblem('categories', input.categories, ITEM_LIMITS.categories);
  if (categories !== null) return categories;
  const tags = labelsProblem('tags', input.tags, ITEM_LIMITS.tags);
  if (tags !== null) return tags;
  const { year } = input;
  if (year !== null && (!Number.isInteger(year) || year < ITEM_LIMITS.minYear || year > ITEM_LIMITS.maxYear)) {
    return `year must be an integer from ${ITEM_LIMITS.minYear} to ${ITEM_LIMITS.maxYear} or null, got ${describeValue(year)}`;
  }
  return null;
}

function labelsProblem(name: string, labels: readonly string[], max: number): string | null {
  if (!Array.isArray(labels)) return `${name} must be a list of strings, got ${describeValue(labels)}`;
  if (labels.length > max) return `${name} must have at most ${max} entries, got ${labels.length}`;
  for (const [index, label] of labels.entries()) {
    if (typeof label !== 'string' || label.trim().length === 0) {
      return `${name}[${index}] must be a non-empty string, got ${describeValue(label)}`;
    }
    if (label.length > ITEM_LIMITS.labelLength) {
      return `${name}[${index}] must be at most ${ITEM_LIMITS.labelLength} characters, got ${label.length}`;
    }
  }
  return null;
}
