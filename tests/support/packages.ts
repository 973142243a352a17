/** The real benchmarks' adapters as tests use them: a raw dataset imported into store content, and its metric scores by metric. */
import { importPackage } from "../../scripts/pipeline/import-package.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import type { BenchmarkPackage } from "../../scripts/benchmarks/types.ts";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { readFetv } from "../../data/benchmarks/fetv/adapter.ts";
import { readTvgePackage } from "../../data/benchmarks/tvge/adapter.ts";

/** One metric's scores as the package distributes them, keyed by video id. */
export interface MetricScores {
  readonly metric: string;
  readonly source: string;
  readonly scores: Map<string, number>;
}

/** The package's metric scores, one map per metric, named as in the source. */
export function metricScoresOf(pkg: BenchmarkPackage): MetricScores[] {
  return pkg.metrics.map((m) => ({
    metric: m.name,
    source: m.source,
    scores: new Map(pkg.metricScores.filter((s) => s.metric === m.id).map((s) => [s.video, s.score])),
  }));
}

/** Imports a FETV-EVAL folder into the content through the FETV adapter. */
export function importFetv(content: StoreContent, benchmark: Benchmark, dir: string): void {
  importPackage(content, benchmark, readFetv(dir));
}

/** Imports a TVGE folder into the content through the TVGE adapter. */
export function importTvge(content: StoreContent, benchmark: Benchmark, dir: string): void {
  importPackage(content, benchmark, readTvgePackage(dir));
}

/** FETV-EVAL's five metrics' scores. */
export const readFetvMetricScores = (dir: string): MetricScores[] => metricScoresOf(readFetv(dir));

/** TVGE's four metrics' scores. */
export const readTvgeMetricScores = (dir: string): MetricScores[] => metricScoresOf(readTvgePackage(dir));
