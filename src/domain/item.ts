/** A catalog entry. Everything retrieval filters on lives in these typed fields. */
export interface Item {
  readonly id: string;
  readonly title: string;
  /** Free text indexed for search besides the title (description, abstract, plot). */
  readonly text: string;
  /** Categories (genres for MovieLens); filterable and used for diversity. */
  readonly categories: readonly string[];
  /** Free-form tags; filterable and searchable. */
  readonly tags: readonly string[];
  /** Release or publication year, when known. */
  readonly year: number | null;
  /** When the item entered the catalog, in epoch milliseconds. */
  readonly createdAt: number;
}

/** The text that is embedded and indexed for an item: one definition for every index. */
export function itemText(item: Pick<Item, 'title' | 'text' | 'categories' | 'tags'>): string {
  return [item.title, item.categories.join(' '), item.tags.join(' '), item.text]
    .filter((part) => part.length > 0)
    .join('. ');
}
