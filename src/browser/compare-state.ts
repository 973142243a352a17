/**
 * The shareable state of the compare view, `?entries=a,b,c&direction=t2v&scope=<dimension>&figure=<board>.<column>`:
 * which entries (up to four, of one direction), which scope the board tables show (overall unless a dimension
 * is named) and which figure the per-dimension view shows. Parsing never fails: unknown
 * ids are set aside and reported, entries beyond the fourth dropped and reported.
 */

/** The most entries compared at once. */
export const MAX_COMPARED = 4;

/** A direction of a benchmark. */
export type CompareDirection = "t2v" | "v2t";

/** What the compare view shows; `scope` and `figure` null mean the defaults (overall, the first ranked column). */
export interface CompareState {
  readonly direction: CompareDirection;
  readonly entries: readonly string[];
  readonly scope: string | null;
  readonly figure: string | null;
}

/** The entry ids a benchmark has in each direction. */
export type CompareChoices = Readonly<Record<CompareDirection, readonly string[]>>;

/** A parsed query string and what in it could not be used. */
export interface ParsedCompareState {
  readonly state: CompareState;
  /** Ids that are no entry of the direction. */
  readonly unknown: readonly string[];
  /** Known ids beyond the fourth. */
  readonly dropped: readonly string[];
}

function isDirection(value: string | null): value is CompareDirection {
  return value === "t2v" || value === "v2t";
}

/**
 * The direction a list of ids belongs to when the query does not say: the one holding more of them, T2V on a
 * tie, unless T2V has no entries at all.
 */
function inferDirection(ids: readonly string[], choices: CompareChoices): CompareDirection {
  const count = (direction: CompareDirection) => ids.filter((id) => choices[direction].includes(id)).length;
  if (count("v2t") > count("t2v")) return "v2t";
  if (count("t2v") > 0 || choices.t2v.length > 0) return "t2v";
  return "v2t";
}

/** Reads the state from a query string (`entries` as one comma-separated value or repeated). */
export function parseCompareState(search: string, choices: CompareChoices): ParsedCompareState {
  const params = new URLSearchParams(search);
  const ids = [
    ...new Set(
      params
        .getAll("entries")
        .flatMap((value) => value.split(","))
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    ),
  ];
  const asked = params.get("direction");
  const direction = isDirection(asked) ? asked : inferDirection(ids, choices);
  const known = ids.filter((id) => choices[direction].includes(id));
  return {
    state: { direction, entries: known.slice(0, MAX_COMPARED), scope: params.get("scope") || null, figure: params.get("figure") || null },
    unknown: ids.filter((id) => !choices[direction].includes(id)),
    dropped: known.slice(MAX_COMPARED),
  };
}

/** Writes the state as a query string; ids are slugs, so the list stays readable (`a,b`). */
export function serializeCompareState(state: CompareState): string {
  const parts: string[] = [];
  if (state.entries.length > 0) parts.push(`entries=${state.entries.map(encodeURIComponent).join(",")}`);
  parts.push(`direction=${state.direction}`);
  if (state.scope && state.scope !== "overall") parts.push(`scope=${encodeURIComponent(state.scope)}`);
  if (state.figure) parts.push(`figure=${encodeURIComponent(state.figure)}`);
  return `?${parts.join("&")}`;
}
