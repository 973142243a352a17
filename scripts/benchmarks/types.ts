/**
 * The shared types of benchmark packages: the package in memory (the format of src/schemas/package.ts, each
 * record with where it came from), an adapter from a source's raw files to it, and a benchmark folder.
 */
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { PublishedT2vEntry } from "../../src/schemas/published.ts";
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

/**
 * What the writer gives an adapter of its own folder's data, read and validated by the writer, so that the folder's
 * code imports no writer module to read it.
 */
export interface AdapterInputs {
  /** The T2V models of the folder's published/ figures (name, url, access), in file order; empty without them. */
  publishedModels(): readonly PublishedT2vEntry[];
}

/**
 * The code of a benchmark folder whose source is not in the package format (`adapter.ts` beside
 * benchmark.json, exporting `adapter`): it reads the source's raw files into a package, reporting every
 * problem with file, line and field.
 */
export interface BenchmarkAdapter {
  readPackage(datasetDir: string, benchmark: Benchmark, inputs: AdapterInputs): BenchmarkPackage;
  /**
   * The files readPackage would read, for the inputs' fingerprint (a stray file beside them then changes
   * nothing); cheap and never throwing: what it cannot resolve, readPackage refuses. Without it the
   * fingerprint covers the whole dataset folder.
   */
  inputFiles?(datasetDir: string): string[];
}

/** One benchmark folder of data/benchmarks/: its definition and, where its source needs one, its adapter. */
export interface BenchmarkFolder {
  readonly dir: string;
  readonly benchmark: Benchmark;
  readonly adapter: BenchmarkAdapter | null;
}
