/** Tags that go into the text; the rest stay in `tags`, which is searchable by itself. */
const TAGS_IN_TEXT = 10;

/**
 * The search text of a movie, since MovieLens has no plot: a sentence that reads like a
 * description, "Adventure, Animation, Children, Comedy, Fantasy film from 1995, tagged pixar,
 * fun.". It adds the words a person types and the fields do not hold ("film", "from 1995").
 */
export function movieLensText(categories: readonly string[], year: number | null, tags: readonly string[]): string {
  const kind = categories.length > 0 ? `${categories.join(', ')} film` : 'Film';
  const when = year === null ? '' : ` from ${year}`;
  const tagged = tags.length > 0 ? `, tagged ${tags.slice(0, TAGS_IN_TEXT).join(', ')}` : '';
  return `${kind}${when}${tagged}.`;
}
