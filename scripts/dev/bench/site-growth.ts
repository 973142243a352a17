/** The site build at three numbers of entries: a small table of the builds, the cost per added entry, and rows for the largest. */
import { leastSquaresLine } from "../../../src/engine/index.ts";
import { predictedByTwoSmallest } from "./growth.ts";
import { timeSiteBuild } from "./site-build.ts";
import type { BenchRow } from "./table.ts";

/**
 * Builds the site at each size, prints the builds and the fit, and returns the largest build's row (target 60 s
 * at 1,000). The smaller builds are timed three times each, the fastest kept: the growth check extrapolates their
 * difference about tenfold, noise included.
 */
export function timeSiteGrowth(sizes: readonly number[]): BenchRow[] {
  const builds = sizes.map((n, i) => timeSiteBuild(n, i < sizes.length - 1 ? 3 : 1));
  console.log("\nSite build (astro build) with N published entries per direction on each of the 3 benchmarks:\n");
  console.log("| N | pages | seconds | largest entry page |");
  console.log("|---:|---:|---:|---:|");
  for (const b of builds) console.log(`| ${b.entries} | ${b.pages} | ${b.seconds.toFixed(1)} | ${b.largestEntryPageKb.toFixed(1)} KB |`);
  const line = leastSquaresLine(Float64Array.from(builds, (b) => b.entries), Float64Array.from(builds, (b) => b.seconds));
  const steps = builds.slice(1).map((b, i) => `${(((b.seconds - (builds[i] as (typeof builds)[number]).seconds) / (b.entries - (builds[i] as (typeof builds)[number]).entries)) * 1000).toFixed(1)} ms`);
  console.log(`\nPer added entry (per direction and benchmark): ${steps.join(", then ")}; least-squares line t ≈ ${line?.intercept.toFixed(2)} + ${line?.slope.toExponential(2)}·N s.\n`);
  const largest = builds[builds.length - 1];
  if (largest === undefined) return [];
  // Linear growth: the largest build costs what the line through the two smaller ones predicts, within a quarter.
  const predicted = predictedByTwoSmallest(builds.map((b) => ({ size: b.entries, value: b.seconds })));
  return [
    { figure: `site build · ${largest.entries} entries per direction × 3 benchmarks (${largest.pages} pages)`, target: { kind: "time", maxMs: 60_000 }, oursMs: largest.seconds * 1000, baseline: null },
    { figure: `site build growth · N = ${builds.map((b) => b.entries).join(", ")}: the largest against the line through the two smaller`, target: { kind: "ratio", max: 1.25 }, oursMs: largest.seconds * 1000, baseline: { name: "linear fit", ms: predicted * 1000 } },
  ];
}
