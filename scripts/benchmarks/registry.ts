/**
 * The one registry of benchmarks: every folder of data/benchmarks/ is a benchmark package (benchmark.json,
 * its protocol, published figures, audit, anchors, and `adapter.ts` when its source is not in the package
 * format). Adding a benchmark is adding a folder. Datasets are never copied into data/: they are read in
 * place, and a benchmark whose dataset is absent is built without it, with a pointer to where to get it.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BenchmarkSchema, datasetHowTo } from "../../src/schemas/benchmark.ts";
import { readPublishedModels } from "../pipeline/import-published.ts";
import { InputError } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import { isPackageDir, readPackageDir } from "./package.ts";
import { adapterOf, type BenchmarkAdapter } from "./kit.ts";
import type { BenchmarkFolder, BenchmarkPackage } from "./types.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

/** The file of a benchmark folder holding its adapter, when its source needs one. */
export const ADAPTER_FILE = "adapter.ts";

/** The datasets root: $AIGVE_DATASETS, else the caller's path (--datasets), else <repo>/../shared/datasets. */
export function datasetsRoot(given?: string): string {
  const fromEnv = process.env.AIGVE_DATASETS;
  if (fromEnv !== undefined && fromEnv !== "") return path.resolve(fromEnv);
  if (given !== undefined && given !== "") return path.resolve(given);
  return path.resolve(REPO_ROOT, "..", "shared", "datasets");
}

/** The folder names of data/benchmarks/ in site order: order.json first, then by name. */
function folderNames(root: string): string[] {
  const order = path.join(root, "order.json");
  const all = fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const listed = fs.existsSync(order) ? (JSON.parse(fs.readFileSync(order, "utf8")) as string[]) : [];
  return [...listed.filter((name) => all.includes(name)), ...all.filter((name) => !listed.includes(name))];
}

/** Loads a folder's adapter module through the kit's declared interface (`adapterOf` refuses any other shape). */
async function loadAdapter(dir: string): Promise<BenchmarkAdapter | null> {
  const file = path.join(dir, ADAPTER_FILE);
  if (!fs.existsSync(file)) return null;
  // From where the file really lives, so that a linked adapter resolves its own imports there.
  const module: unknown = await import(pathToFileURL(fs.realpathSync(file)).href);
  return adapterOf(module, file);
}

/** A benchmark folder's definition, without its code. */
export type BenchmarkDefinition = Omit<BenchmarkFolder, "adapter">;

/** The definitions of every benchmark folder under `<dataDir>/benchmarks/`, in site order. */
export function readBenchmarkDefinitions(dataDir: string): BenchmarkDefinition[] {
  const root = path.join(dataDir, "benchmarks");
  return folderNames(root).map((name) => {
    const dir = path.join(root, name);
    const file = path.join(dir, "benchmark.json");
    const benchmark = readJsonFile(file, BenchmarkSchema);
    if (benchmark.id !== name) {
      throw new InputError([{ file: displayPath(file), field: "id", message: `is "${benchmark.id}" but the folder is "${name}"` }]);
    }
    return { dir, benchmark };
  });
}

/** Every benchmark folder under `<dataDir>/benchmarks/`, in site order, with its definition and adapter. */
export async function loadBenchmarks(dataDir: string): Promise<BenchmarkFolder[]> {
  const folders: BenchmarkFolder[] = [];
  for (const definition of readBenchmarkDefinitions(dataDir)) folders.push({ ...definition, adapter: await loadAdapter(definition.dir) });
  return folders;
}

/** A dataset's folder when its files are there, else null with a message saying where to get them. */
export type DatasetLocation = { dir: string; message: null } | { dir: null; message: string };

/** Finds the folder of a benchmark's dataset; null (and why) when it has none or it is absent. */
export function locateDataset(folder: BenchmarkDefinition, root: string): DatasetLocation {
  const source = folder.benchmark.dataset;
  if (source === null) return { dir: null, message: `${folder.benchmark.title} has published figures only.` };
  const dir = source.folder === null ? path.join(folder.dir, "package") : path.join(root, source.folder);
  if (fs.existsSync(path.join(dir, source.marker))) return { dir, message: null };
  return {
    dir: null,
    message:
      `${source.name} ${source.what} not found at ${dir}; ${datasetHowTo(source)}` +
      (source.folder === null ? "." : ` (set AIGVE_DATASETS to the folder holding ${source.folder}/).`) +
      ` Building ${folder.benchmark.title} without them.`,
  };
}

/** Reads a located dataset into a package: through the folder's adapter, else as a package folder. */
export function readDataset(folder: BenchmarkFolder, datasetDir: string): BenchmarkPackage {
  if (folder.adapter !== null) return folder.adapter.readPackage(datasetDir, folder.benchmark, { publishedModels: () => readPublishedModels(folder.dir, folder.benchmark) });
  if (!isPackageDir(datasetDir)) {
    throw new InputError([{
      file: displayPath(datasetDir),
      message: `is not a benchmark package (no format.json) and ${displayPath(folder.dir)} has no ${ADAPTER_FILE} to read it`,
    }]);
  }
  return readPackageDir(datasetDir);
}
