/** What a benchmark with an external per-video dataset provides (one folder per benchmark beside this file). */
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { StoreContent } from "../lib/store-content.ts";

/** An external dataset: its folder under the datasets root, a file that proves it is there, where to get it. */
export interface DatasetSource {
  readonly name: string;
  readonly what: string;
  readonly folder: string;
  readonly marker: string;
  readonly origin: string;
}

/** One automatic metric's per-video scores as its dataset distributes them, keyed by our video ids. */
export interface MetricScores {
  readonly metric: string;
  /** Where in the dataset the scores come from (shown as the bundle's source). */
  readonly file: string;
  readonly scores: Map<string, number>;
}

/** What the site says of a metric that a dataset distributes scores of; the name is its paper's. */
export interface MetricEntry {
  readonly name: string;
  readonly organization: string;
  readonly url: string;
  readonly license: string;
  readonly kind: "alignment-metric" | "lmm-metric";
}

/** A benchmark package's code: reading its raw files into the store's rows. */
export interface BenchmarkAdapter {
  readonly dataset: DatasetSource;
  /**
   * Adds the labelled pool: prompts and their dimensions, the T2V models, their videos, raw ratings where
   * distributed, and each video's human score by the benchmark's protocol.
   */
  importDataset(content: StoreContent, benchmark: Benchmark, dir: string): void;
  /** The automatic metrics' scores distributed with the dataset, with what the site says of each metric. */
  metricScores(dir: string): { readonly entry: MetricEntry; readonly scores: MetricScores }[];
  /** Where to get the file of one labelled video (for the anchor set's download). */
  videoSource(video: { readonly t2vEntryId: string; readonly promptId: string }): string;
}
