/**
 * The one builder of entry provenance rows (src/schemas/provenance.ts): who produced an entry's figures, who ran
 * the model and the evaluation, links, date, source. Every importer that adds an entry adds its provenance here.
 */
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { PublishedSource } from "../../src/schemas/published.ts";
import type { Manifest } from "../../src/schemas/submission/manifest.ts";
import type { ProvenanceRow, StoreContent } from "../store/store-content.ts";

/** Who the benchmark's authors are, as a provenance names them: "Liu et al. (FETV authors)". */
function authors(benchmark: Benchmark): string {
  const names = benchmark.paper.authors.split(",");
  const short = names.length > 1 ? `${(names[0] ?? "").trim().split(/\s+/).at(-1)} et al.` : benchmark.paper.authors;
  return `${short} (${benchmark.title} authors)`;
}

/** This site, as a provenance names it when it computed the figures. */
export const THIS_SITE = "this leaderboard (recomputed from the benchmark's per-video data)";

/** A T2V model of the benchmark's own dataset: videos and ratings by the authors, figures computed by this site. */
export function datasetModelProvenance(benchmark: Benchmark, entryId: string): ProvenanceRow {
  return {
    benchmarkId: benchmark.id,
    direction: "t2v",
    entryId,
    kind: "computed",
    producedBy: THIS_SITE,
    sampledBy: authors(benchmark),
    evaluatedBy: `${authors(benchmark)}: human raters; scores and ranks computed by this site`,
    codeUrl: null,
    weightsUrl: null,
    date: String(benchmark.paper.year),
    source: `${benchmark.paper.title} (${benchmark.paper.url})`,
  };
}

/** An entry whose figures the benchmark's authors published (published/source.json). */
export function publishedProvenance(benchmark: Benchmark, direction: "t2v" | "v2t", entryId: string, source: PublishedSource): ProvenanceRow {
  return {
    benchmarkId: benchmark.id,
    direction,
    entryId,
    kind: "published",
    producedBy: authors(benchmark),
    sampledBy: authors(benchmark),
    evaluatedBy: authors(benchmark),
    codeUrl: null,
    weightsUrl: null,
    date: String(benchmark.paper.year),
    source: `${source.citation} (${source.url})`,
  };
}

/**
 * A bundle's entry: a metric's scores distributed with the dataset (`dataset`: computed here from the benchmark's
 * data, run by its authors) or a submission (`submitted`: self-reported by its organisation until verified).
 */
export function bundleProvenance(manifest: Manifest, entryId: string, storedPath: string, origin: "submitted" | "dataset"): ProvenanceRow {
  const base = {
    benchmarkId: manifest.benchmark,
    direction: manifest.direction,
    entryId,
    sampledBy: manifest.sampledBy,
    evaluatedBy: manifest.evaluatedBy,
    codeUrl: manifest.codeUrl,
    weightsUrl: manifest.weightsUrl,
    date: manifest.date,
  };
  if (origin === "dataset") return { ...base, kind: "computed", producedBy: THIS_SITE, source: storedPath };
  return { ...base, kind: "self-reported", producedBy: manifest.entry.organization, source: `submission ${storedPath}` };
}

/** Adds a provenance row; an entry has exactly one, so a second is a programming error. */
export function addProvenance(content: StoreContent, row: ProvenanceRow): void {
  if (content.entryProvenance.some((p) => p.benchmarkId === row.benchmarkId && p.direction === row.direction && p.entryId === row.entryId)) {
    throw new Error(`entry ${row.benchmarkId}/${row.direction}/${row.entryId} already has a provenance`);
  }
  content.entryProvenance.push(row);
}

/**
 * Turns a self-reported entry `verified` (for the verification records of data/, issue 17 item 5): the only way
 * an entry becomes verified. Throws when the entry has no provenance or is not self-reported.
 */
export function markVerified(content: StoreContent, verification: StoreContent["verifications"][number]): void {
  const row = content.entryProvenance.find((p) => p.benchmarkId === verification.benchmarkId && p.direction === verification.direction && p.entryId === verification.entryId);
  if (row === undefined) throw new Error(`no entry ${verification.benchmarkId}/${verification.direction}/${verification.entryId} to verify`);
  // Already verified: the same record seen again (a rerun after a kill, or the rebuild after `npm run verify`).
  if (row.kind === "verified") return;
  if (row.kind !== "self-reported") throw new Error(`entry ${verification.entryId} is ${row.kind}; only a self-reported entry can be verified`);
  row.kind = "verified";
  row.date = verification.date;
  row.source = `verified by ${verification.verifiedBy} (${verification.path}); submitted as ${row.source}`;
}
