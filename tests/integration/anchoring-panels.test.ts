/**
 * Anchoring on FETV's real per-rater ratings, through the dry run's code path: a different panel's interval covers
 * the figure the benchmark's own panel gives the model (one FETV rater alone on each model; all three raters with
 * 30% of their ratings replaced by random draws), and "M again" (the benchmark's own raters resubmitting a model)
 * lands exactly on the model's figure.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { capture, tempDir, writeBundleDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { againBundle, FETV_MODELS, FETV_PERSPECTIVES, fetvContent } from "../support/fetv-bundles.ts";
import { fetvStore, panelCells, type PanelCell } from "../support/fetv-panel-coverage.ts";

/** The site's own number of resamples: coverage is a property of the intervals the site publishes. */
const RESAMPLES = 1000;

describeWithDatasets("fetv", "anchoring different panels on FETV's real per-rater ratings", () => {
  let root: string;
  let where: { dataDir: string; store: string; content: StoreContent };
  let cells: { oneRater: PanelCell[]; noisy: PanelCell[]; again: PanelCell[] };
  let fetv: StoreContent;
  const table = (list: readonly PanelCell[]) => list.map((c) => `${c.panel} ${c.model} ${c.perspective}: ${c.value} [${c.low}, ${c.high}] against ${c.board.toFixed(3)}`).join("\n");

  beforeAll(async () => {
    root = tempDir("anchoring-panels");
    where = await fetvStore(root, RESAMPLES);
    fetv = fetvContent();
    cells = await panelCells(where, root, fetv);
  }, 600_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("covers the model's board value in at least 33 of the 36 model × perspective cells with one FETV rater alone as the panel", () => {
    expect(cells.oneRater).toHaveLength(36);
    const covered = cells.oneRater.filter((c) => c.covered).length;
    expect(covered, table(cells.oneRater.filter((c) => !c.covered))).toBeGreaterThanOrEqual(33);
  });

  it("covers the board value on every perspective of every model with three raters whose ratings are 30% random", () => {
    expect(cells.noisy).toHaveLength(12);
    expect(cells.noisy.filter((c) => !c.covered), table(cells.noisy)).toEqual([]);
  });

  it('lands "M again" exactly on the model\'s figure, all 12 of them, with the stored value equal to the last bit', async () => {
    expect(cells.again.map((c) => c.value)).toEqual(cells.again.map((c) => Number(c.board.toFixed(2))));
    for (const model of FETV_MODELS) {
      const stderr = capture();
      const outcome = await submitBundle({ bundle: writeBundleDir(path.join(root, "stored", model), againBundle(fetv, model, `${model} stored again`)), dataDir: where.dataDir, store: where.store, stdout: capture(), stderr, dryRun: false });
      expect(outcome.status, stderr.text()).toBe("stored");
    }
    const stored = readStore(where.store);
    const figure = (entry: string, perspective: string) => stored.results.find((r) => r.benchmarkId === "fetv" && r.entryId === entry && r.direction === "t2v" && r.dimension === "overall" && r.perspectiveId === perspective)?.value;
    for (const model of FETV_MODELS) {
      for (const perspective of FETV_PERSPECTIVES) expect(figure(`${model}-stored-again`, perspective), `${model} ${perspective}`).toBe(figure(model, perspective));
      // The inverse line of a panel that is the benchmark's own is the identity, exactly.
      for (const fit of stored.anchorFits.filter((f) => f.entryId === `${model}-stored-again`)) expect([fit.intercept, fit.slope]).toEqual([0, 1]);
    }
  }, 300_000);

  it("says in each anchored figure's source that the interval carries the model-specific rater component estimated from FETV's three raters", () => {
    const stored = readStore(where.store);
    const source = stored.results.find((r) => r.entryId === "cogvideo-stored-again" && r.perspectiveId === "temporal_quality" && r.dimension === "overall")?.source ?? "";
    expect(source).toMatch(/inverse calibration/);
    expect(source).toMatch(/temporal_quality: SD 0\.\d{3} per rater from fetv's 3 raters on 4 models, 0\.\d{3} for this panel of 3 rater\(s\)/);
  });
});
