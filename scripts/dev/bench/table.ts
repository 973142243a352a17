/**
 * The one table `npm run bench` prints: a row per figure with its target, our time, the baseline measured
 * in the same run (SciPy, or a physical limit such as one pass over the data), the ratio and whether the
 * target is met. A bench case adds rows by returning `BenchRow`s; `printTable` does the rest.
 */

/** What a figure must achieve: at most a ratio to its baseline, at most a time, or at most a size in bytes. */
export type Target = { readonly kind: "ratio"; readonly max: number } | { readonly kind: "time"; readonly maxMs: number } | { readonly kind: "size"; readonly maxBytes: number };

/** One measured figure. */
export interface BenchRow {
  /** What was timed, e.g. "kendall τb · one tied · n = 58,500". */
  readonly figure: string;
  readonly target: Target;
  /** Our time in ms (the median of repeated runs); in bytes when `unit` is "bytes". */
  readonly oursMs: number;
  /** The baseline's name and time in ms (bytes when `unit` is "bytes"); null when it could not be measured (say, no SciPy). */
  readonly baseline: { readonly name: string; readonly ms: number } | null;
  /** Whether our result equals the baseline's (to the stated tolerance); a wrong answer meets no target. */
  readonly agrees?: boolean;
  /** "bytes" when the row measures sizes (a size target, or a ratio of sizes); milliseconds otherwise. */
  readonly unit?: "bytes";
  /** Why the run did not finish (stopped at its time cap, crashed): the figure is then a bound, and no target is met. */
  readonly failure?: string;
}

/** Milliseconds with three significant digits, as seconds from 10 s up. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toPrecision(3)} ms`;
}

/** Bytes in decimal units with three significant digits. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toPrecision(3)} ${units[unit]}`;
}

function describeTarget(target: Target): string {
  if (target.kind === "ratio") return `≤ ${target.max}× baseline`;
  return target.kind === "time" ? `≤ ${formatMs(target.maxMs)}` : `≤ ${formatBytes(target.maxBytes)}`;
}

/** Whether a row meets its target: null when a ratio target has no baseline to compare with. */
export function isMet(row: BenchRow): boolean | null {
  if (row.agrees === false || row.failure !== undefined) return false;
  if (row.target.kind === "time") return row.oursMs <= row.target.maxMs;
  if (row.target.kind === "size") return row.oursMs <= row.target.maxBytes;
  return row.baseline === null ? null : row.oursMs / row.baseline.ms <= row.target.max;
}

/** Prints the rows as one markdown table, then how many targets are met. */
export function printTable(rows: readonly BenchRow[]): void {
  console.log("| figure | target | ours | baseline | ratio | met |");
  console.log("|---|---|---:|---|---:|---|");
  for (const row of rows) {
    const format = row.unit === "bytes" ? formatBytes : formatMs;
    // A failed run may have no figure (NaN): shown as a dash, never as "NaN".
    const shown = (value: number) => (Number.isFinite(value) ? format(value) : "–");
    const baseline = row.baseline === null ? "–" : `${row.baseline.name} ${shown(row.baseline.ms)}`;
    const ratio = row.baseline === null || !Number.isFinite(row.oursMs / row.baseline.ms) ? "–" : `${(row.oursMs / row.baseline.ms).toFixed(2)}×`;
    const met = isMet(row);
    const verdict = row.failure !== undefined ? `**not met** (${row.failure})` : met === null ? "no baseline" : met ? "met" : row.agrees === false ? "**not met** (result differs)" : "**not met**";
    const ours = !Number.isFinite(row.oursMs) ? "–" : row.failure !== undefined ? `≥ ${format(row.oursMs)}` : format(row.oursMs);
    console.log(`| ${row.figure} | ${describeTarget(row.target)} | ${ours} | ${baseline} | ${ratio} | ${verdict} |`);
  }
  const met = rows.filter((row) => isMet(row) === true).length;
  console.log(`\n${met} of ${rows.length} targets met.`);
}
