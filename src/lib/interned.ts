/**
 * One copy of each repeated text a loader reads: SQLite hands every row its own string, so a board of 10,000 entries
 * over 23 scopes held about 2.8 million copies of a few dozen sources, provenances, notes and reasons (most of the
 * build's memory, and the garbage collector's work grows with it).
 */
const kept = new Map<string, string>();

/** The build's one copy of `text` (null stays null). */
export function interned<T extends string | null>(text: T): T {
  if (text === null) return text;
  const found = kept.get(text);
  if (found !== undefined) return found as T;
  kept.set(text, text);
  return text;
}
