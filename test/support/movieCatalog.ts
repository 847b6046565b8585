import type { Item } from '../../src/domain/item.js';
import type { ItemStats, UserProfile } from '../../src/ports/featureStore.js';

/** When every fixture item entered the catalog: 2024-01-01T00:00:00.000Z. */
export const CREATED_AT = Date.UTC(2024, 0, 1);

function movie(id: string, title: string, year: number, categories: string[], tags: string[] = []): Item {
  return { id, title, text: '', categories, tags, year, createdAt: CREATED_AT };
}

/** A few MovieLens films (real ids, titles, years and genres) for API-layer tests. */
export const MOVIES: readonly Item[] = [
  movie('1', 'Toy Story', 1995, ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'], ['pixar']),
  movie('2', 'Jumanji', 1995, ['Adventure', 'Children', 'Fantasy']),
  movie('260', 'Star Wars: Episode IV - A New Hope', 1977, ['Action', 'Adventure', 'Sci-Fi'], ['space']),
  movie('296', 'Pulp Fiction', 1994, ['Comedy', 'Crime', 'Drama', 'Thriller']),
  movie('318', 'Shawshank Redemption, The', 1994, ['Crime', 'Drama']),
  movie('356', 'Forrest Gump', 1994, ['Comedy', 'Drama', 'Romance', 'War']),
  movie('1196', 'Star Wars: Episode V - The Empire Strikes Back', 1980, ['Action', 'Adventure', 'Sci-Fi'], ['space']),
  movie('2355', "Bug's Life, A", 1998, ['Adventure', 'Animation', 'Children', 'Comedy']),
  movie('3114', 'Toy Story 2', 1999, ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'], ['pixar']),
];

/** Toy Story: 3 ratings (5, 4, 4) and 2 clicks; last event 2024-05-01T12:00:00.000Z. */
export const TOY_STORY_STATS: ItemStats = {
  itemId: '1',
  counts: { view: 0, click: 2, add_to_cart: 0, purchase: 0, rating: 3, impression: 0 },
  decayedCounts: { view: 0, click: 2, add_to_cart: 0, purchase: 0, rating: 3, impression: 0 },
  ratingSum: 13,
  ratingCount: 3,
  positiveUsers: 3,
  lastEventAt: Date.UTC(2024, 4, 1, 12),
};

/** Pulp Fiction: 1 rating and 4 views, one positive user. */
export const PULP_FICTION_STATS: ItemStats = {
  itemId: '296',
  counts: { view: 4, click: 0, add_to_cart: 0, purchase: 0, rating: 1, impression: 0 },
  decayedCounts: { view: 4, click: 0, add_to_cart: 0, purchase: 0, rating: 1, impression: 0 },
  ratingSum: 4.5,
  ratingCount: 1,
  positiveUsers: 1,
  lastEventAt: Date.UTC(2024, 3, 1),
};

/** User 7 liked Toy Story 2 twice and Toy Story once (most recent first) and saw Pulp Fiction. */
export const USER_7: UserProfile = {
  userId: '7',
  eventCount: 4,
  positiveCount: 3,
  ratingSum: 9,
  ratingCount: 2,
  recentPositives: [
    { itemId: '3114', type: 'click', value: null, timestamp: Date.UTC(2024, 5, 3) },
    { itemId: '1', type: 'rating', value: 5, timestamp: Date.UTC(2024, 5, 2) },
    { itemId: '3114', type: 'rating', value: 4, timestamp: Date.UTC(2024, 5, 1) },
  ],
  seenItemIds: new Set(['1', '3114', '296']),
  categoryAffinity: { Comedy: 0.2, Animation: 0.4, Children: 0.4 },
  recentCategoryAffinity: { Comedy: 0.2, Animation: 0.4, Children: 0.4 },
  firstEventAt: Date.UTC(2024, 5, 1),
  lastEventAt: Date.UTC(2024, 5, 3),
};
