/**
 * The anchoring check on FETV's real per-rater ratings: builds a FETV store, dry-runs different panels through
 * `submitBundle` (the code path of `npm run submit -- --dry-run`) and asks whether each printed 95% interval covers
 * the model's board value. Used by tests/integration/anchoring-panels.test.ts and, as a table, by
 * tests/support/fetv-panels-report.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, tempDataDir, writeBundleDir, type BundleContents } from "./bundles.ts";
import { againBundle, FETV_MODELS, FETV_PERSPECTIVES } from "./fetv-bundles.ts";
import { FETV_RATERS, noisyPanelBundle, oneRaterBundle } from "./fetv-panels.ts";

/** One model × perspective figure of a panel beside the model's board value. */
export interface PanelCell {
  readonly panel: string;
  readonly model: string;
  readonly perspective: string;
  /** As the dry run prints them (2 decimals); null where it printed none. */
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  /** The model's stored board value. */
  readonly board: number;
  /** The printed interval holds the board value rounded as printed. */
  readonly covered: boolean;
}

/** A FETV store built from a copy of data/ in `root`. */
export async function fetvStore(root: string, resamples: number): Promise<{ dataDir: string; store: string; content: StoreContent }> {
  const dataDir = tempDataDir(["fetv"]);
  const store = path.join(root, "fetv.sqlite");
  writeStore(await buildContent({ dataDir, resamples }), store);
  return { dataDir, store, content: readStore(store) };
}

/** A dry run's printed figure of one perspective ("value  [low, high]"). */
function printed(out: string, perspective: string): { value: number; low: number | null; high: number | null } {
  const match = new RegExp(`^t2v\\s+${perspective}_mos\\s+(\\S+)\\s+(?:\\[(\\S+), (\\S+)\\]|—)`, "m").exec(out);
  if (!match) throw new Error(`no ${perspective} line in:\n${out}`);
  return { value: Number(match[1]), low: match[2] ? Number(match[2]) : null, high: match[3] ? Number(match[3]) : null };
}

/** Dry-runs one bundle against the store and returns its cells against model `model`'s board values, or the refusal. */
export async function dryRunCells(where: { dataDir: string; store: string; content: StoreContent }, dir: string, files: BundleContents, panel: string, model: string): Promise<PanelCell[]> {
  const stdout = capture();
  const stderr = capture();
  const outcome = await submitBundle({ bundle: writeBundleDir(dir, files), dataDir: where.dataDir, store: where.store, stdout, stderr, dryRun: true });
  if (outcome.status !== "dry-run") throw new Error(`${panel} on ${model} was ${outcome.status}:\n${stderr.text()}`);
  return FETV_PERSPECTIVES.map((perspective) => {
    const board = where.content.results.find((r) => r.benchmarkId === "fetv" && r.entryId === model && r.direction === "t2v" && r.dimension === "overall" && r.perspectiveId === perspective)?.value as number;
    const figure = printed(stdout.text(), perspective);
    const shown = Number(board.toFixed(2));
    const covered = figure.low !== null && figure.high !== null && figure.low <= shown && shown <= figure.high;
    return { panel, model, perspective, ...figure, board, covered };
  });
}

/** Every panel of the check: each FETV rater alone on each model, the 30%-noise three-rater panel, and "M again". */
export async function panelCells(where: { dataDir: string; store: string; content: StoreContent }, root: string, fetv: StoreContent): Promise<{ oneRater: PanelCell[]; noisy: PanelCell[]; again: PanelCell[] }> {
  const oneRater: PanelCell[] = [];
  const noisy: PanelCell[] = [];
  const again: PanelCell[] = [];
  let n = 0;
  const dir = () => path.join(root, "bundles", String((n += 1)));
  for (const model of FETV_MODELS) {
    for (const rater of FETV_RATERS) oneRater.push(...(await dryRunCells(where, dir(), oneRaterBundle(fetv, model, rater), rater, model)));
    noisy.push(...(await dryRunCells(where, dir(), noisyPanelBundle(fetv, model, 0.3, 30), "30% noise", model)));
    again.push(...(await dryRunCells(where, dir(), againBundle(fetv, model, `${model} again`), "again", model)));
  }
  fs.rmSync(path.join(root, "bundles"), { recursive: true, force: true });
  return { oneRater, noisy, again };
}
