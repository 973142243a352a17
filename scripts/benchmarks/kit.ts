/**
 * The benchmark kit: the one writer module a benchmark folder (data/benchmarks/<id>/*.ts) imports besides
 * src/schemas/ and its own files. It declares the adapter interface the registry loads a folder's `adapter.ts`
 * through, and re-exports what an adapter needs to read a source's raw files into a package: the package types
 * and builder, the input errors every refusal is reported with (file, line, field), and the JSON, JSON Lines and
 * CSV readers. Keeping this the only door means the writer's insides can move without touching a benchmark folder
 * (tests/unit/architecture.test.ts holds the rule).
 */
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { PublishedT2vEntry } from "../../src/schemas/published.ts";
import { InputError } from "../io/input-error.ts";
import { displayPath } from "../io/read-data.ts";
import type { BenchmarkPackage } from "./types.ts";

export type { BenchmarkPackage, Located, Where } from "./types.ts";
export { emptyPackage } from "./package.ts";
export { InputError, quoted, throwIfProblems, type Problem } from "../io/input-error.ts";
export { displayPath, readCsvFile, readJsonFile, readJsonLinesFile } from "../io/read-data.ts";

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

/** What an adapter module must export: `adapter`, a BenchmarkAdapter. */
export interface AdapterModule {
  readonly adapter: BenchmarkAdapter;
}

/**
 * The adapter of a dynamically imported adapter file, checked against the declared interface (a module is code
 * from a data folder: its shape is not taken on trust); an InputError naming `file` and what is wrong otherwise.
 */
export function adapterOf(module: unknown, file: string): BenchmarkAdapter {
  const refuse = (message: string): never => {
    throw new InputError([{ file: displayPath(file), field: "adapter", message }]);
  };
  const adapter: unknown = typeof module === "object" && module !== null ? (module as Record<string, unknown>).adapter : undefined;
  if (typeof adapter !== "object" || adapter === null) {
    return refuse("is not an adapter: the file must export `adapter`, an object with a readPackage(datasetDir, benchmark, inputs) function");
  }
  const { readPackage, inputFiles } = adapter as Record<string, unknown>;
  if (typeof readPackage !== "function") return refuse("has no readPackage(datasetDir, benchmark, inputs) function");
  if (inputFiles !== undefined && typeof inputFiles !== "function") return refuse("inputFiles, when given, must be a function inputFiles(datasetDir)");
  return adapter as BenchmarkAdapter;
}
