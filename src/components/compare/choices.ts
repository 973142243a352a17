/**
 * Which entries the compare view's pickers list. A board may hold thousands of entries, and four selects of every one
 * of them cost the page seconds before its verdicts show, so each select lists at most LISTED_CHOICES: the board's
 * first entries, or those whose name holds the text typed in the find box, and always the entry the slot has chosen.
 */
import type { CompareChoice } from "../../lib/shared/compare.ts";

/** The most entries a picker lists at once (as many as a board page shows before "Show all"). */
export const LISTED_CHOICES = 100;

/** What the pickers list: the entries in board order, and how many more match than are listed. */
export interface ListedChoices {
  readonly listed: readonly CompareChoice[];
  readonly unlisted: number;
}

/** The entries whose name holds `query` (case-insensitive; every entry for an empty query), the first `limit` of them. */
export function listChoices(entries: readonly CompareChoice[], query: string, limit = LISTED_CHOICES): ListedChoices {
  const q = query.trim().toLowerCase();
  const listed: CompareChoice[] = [];
  let matching = 0;
  for (const entry of entries) {
    if (q !== "" && !entry.name.toLowerCase().includes(q)) continue;
    matching++;
    if (listed.length < limit) listed.push(entry);
  }
  return { listed, unlisted: matching - listed.length };
}
