/**
 * MovieLens titles end in the release year, "Toy Story (1995)", or a span for series,
 * "Death Note: Desu nôto (2006–2007)"; some have stray spaces after it, a few have no year.
 */
const TRAILING_YEAR = /^(.*\S)\s*\((\d{4})(?:\s*[–-]\s*(?:\d{4})?)?\)$/u;

/**
 * Splits the year off a MovieLens title: "Toy Story (1995)" → "Toy Story" and 1995 (the first
 * year of a span). The title keeps everything else, including MovieLens's trailing articles
 * ("American President, The") and alternative titles in parentheses, as MovieLens writes them.
 * The year goes to its own field, so titles read like titles and `year` can be filtered.
 */
export function splitMovieTitle(raw: string): { readonly title: string; readonly year: number | null } {
  const trimmed = raw.trim();
  const match = TRAILING_YEAR.exec(trimmed);
  if (match === null) return { title: trimmed, year: null };
  return { title: match[1]!, year: Number(match[2]) };
}
