import type { ItemInput } from '../pipeline/requests.js';
import { describeValue } from './describeValue.js';
import { parseIdField } from './parseIdField.js';
import { parseListField } from './parseListField.js';
import { parseNumberField } from './parseNumberField.js';
import type { RawFields } from './sourceRecord.js';
import { unknownFieldProblem } from './unknownFieldProblem.js';
import { invalid, valid, type Validation } from './validation.js';

export const ITEM_FIELDS = ['id', 'title', 'text', 'categories', 'tags', 'year'] as const;

/**
 * Reads the fields of one catalog record (a JSON object or a CSV row) into an ItemInput.
 * Only the shape is checked here; limits are validateItem's.
 */
export function parseItemRecord(fields: RawFields): Validation<ItemInput> {
  const unknown = unknownFieldProblem(fields, ITEM_FIELDS);
  if (unknown !== null) return invalid(unknown);
  const id = parseIdField('id', fields.id);
  if (!id.ok) return id;
  if (id.value === null) return invalid('id is required');
  if (typeof fields.title !== 'string') return invalid(`title must be a string, got ${describeValue(fields.title)}`);
  const text = fields.text ?? '';
  if (typeof text !== 'string') return invalid(`text must be a string, got ${describeValue(text)}`);
  const categories = parseListField('categories', fields.categories);
  if (!categories.ok) return categories;
  const tags = parseListField('tags', fields.tags);
  if (!tags.ok) return tags;
  const year = parseNumberField('year', fields.year);
  if (!year.ok) return year;
  return valid({
    id: id.value,
    title: fields.title,
    text,
    categories: categories.value,
    tags: tags.value,
    year: year.value,
  });
}
