/**
 * The shared types of benchmark packages: the package in memory (the format of src/schemas/package.ts, each
 * record with where it came from) and a benchmark folder. The adapter interface is declared by the kit
 * (./kit.ts), the one module a benchmark folder imports.
 */
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type {
  PackageDimension,
  PackageGroundTruth,
  PackageMetric,
  PackageMetricScore,
  PackageModel,
  PackagePrompt,
  PackageQuestion,
  PackageVideo,
} from "../../src/schemas/package.ts";
import type { BenchmarkAdapter } from "./kit.ts";

/** Where a record came from in the source's files, for messages about it. */
export interface Where {
  readonly file: string;
  readonly line?: number;
}

/** A record with where it came from. */
export type Located<T> = T & { readonly at: Where };

/** A benchmark's per-video annotation, as every adapter delivers it and everything downstream reads it. */
export interface BenchmarkPackage {
  readonly models: Located<PackageModel>[];
  readonly dimensions: Located<PackageDimension>[];
  readonly prompts: Located<PackagePrompt>[];
  readonly videos: Located<PackageVideo>[];
  readonly groundTruth: Located<PackageGroundTruth>[];
  readonly questions: Located<PackageQuestion>[];
  readonly metrics: Located<PackageMetric>[];
  readonly metricScores: Located<PackageMetricScore>[];
}

/** One benchmark folder of data/benchmarks/: its definition and, where its source needs one, its adapter. */
export interface BenchmarkFolder {
  readonly dir: string;
  readonly benchmark: Benchmark;
  readonly adapter: BenchmarkAdapter | null;
}
