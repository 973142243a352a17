/**
 * Caches of whole boards that loaders keep for the board routes (views, formatted rows), dropped when
 * a run of files of one entry each begins: those runs allocate in proportion to the entries, each garbage collection
 * they trigger costs in proportion to what is held, and nothing in them reads a whole board.
 */
const releases: (() => void)[] = [];

/** Registers a cache of whole boards to drop when a run of one entry's files begins. */
export function releasedByEntryRuns(release: () => void): void {
  releases.push(release);
}

/** Drops every registered cache of whole boards: the next files are an entry's own, read by key. */
export function beginEntryRun(): void {
  for (const release of releases) release();
}
