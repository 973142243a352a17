/**
 * `node scripts/dev/measure-auto-coverage.ts [--replicates 100] [--seed 1] [--datasets <dir>]`: how often an auto-scored
 * T2V entry's 95% interval covers the humans' mean of a model the calibration never saw, before and after the
 * model-mean calibration (a report for the methodology, not a test).
 *
 * - FETV and TVGE, real data: every evaluator × perspective × T2V model, the model left out of everything. Before: the
 *   per-video least-squares line, interval ±1.96·√(slope²·SE² + RMSE²) (the prompt-resampling error of the mean plus
 *   the evaluator's leave-one-model-out error, as the old recipe's normal noise). After: the split-conformal interval
 *   of the model-mean line over the other models, clipped to the scale; and whether the skill check refuses the pair.
 * - AIGVE-60K size, synthetic: 30 models × 1,950 videos on 0–100, an evaluator whose per-video r with the humans is
 *   about 0.3 and whose model means carry a model-specific bias; each model left out in turn, many replicates.
 */
import "../check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  clampTo,
  conformalQuantile,
  createRandom,
  leastSquaresLine,
  leaveOneGroupOut,
  modelMeanCalibration,
  applyLine,
  rootMeanSquare,
  standardNormals,
} from "../../src/engine/index.ts";
import { buildContent } from "../pipeline/build-content.ts";
import { scoringContext } from "../scoring/context.ts";
import { calibrationSet, modelMeans, predictionsOf } from "../scoring/evaluators.ts";

const { values } = parseArgs({ options: { replicates: { type: "string", default: "100" }, seed: { type: "string", default: "1" }, datasets: { type: "string" } } });
const CONFIDENCE = 0.95;
const Z = 1.959963984540054;

/** Tally of covered cells and mean interval width. */
class Tally {
  cells = 0;
  covered = 0;
  width = 0;
  add(low: number, high: number, truth: number): void {
    this.cells++;
    if (truth >= low && truth <= high) this.covered++;
    this.width += high - low;
  }
  text(): string {
    return `${this.covered} of ${this.cells} cells covered (${((100 * this.covered) / Math.max(1, this.cells)).toFixed(1)}%), mean width ${(this.width / Math.max(1, this.cells)).toFixed(3)}`;
  }
}

/** One left-out model's before and after intervals from labelled videos (scores, truth, model of each). */
function leftOut(scores: Float64Array, truth: Float64Array, models: readonly string[], out: string, low: number, high: number) {
  const keep = models.map((m) => m !== out);
  const pick = (a: Float64Array, k: boolean) => Float64Array.from(a.filter((_, i) => keep[i] === k));
  const [xs, ys, xo, yo] = [pick(scores, true), pick(truth, true), pick(scores, false), pick(truth, false)];
  const others = models.filter((m) => m !== out);
  const observed = yo.reduce((a, b) => a + b, 0) / yo.length;
  const rawMean = xo.reduce((a, b) => a + b, 0) / xo.length;
  // Before: the per-video line of the other models, its leave-one-model-out RMSE among them, the mean's prompt SE.
  const line = leastSquaresLine(xs, ys);
  const rmse = rootMeanSquare(Float64Array.from(leaveOneGroupOut(xs, ys, others), (h) => h.predicted - h.observed)) ?? 0;
  let ss = 0;
  for (const v of xo) ss += (v - rawMean) ** 2;
  const se = Math.sqrt(ss / (xo.length - 1) / xo.length);
  const before = line === null ? null : { value: applyLine(line, rawMean), half: Z * Math.sqrt((line.slope * se) ** 2 + rmse ** 2) };
  // After: the model-mean line over the other models and its split-conformal half-width, inside the scale.
  const means = modelMeans({ scores: xs, truth: ys, models: others });
  const fit = modelMeanCalibration(means.x, means.y);
  const after = fit === null ? null : { value: clampTo(applyLine(fit.line, rawMean), low, high), half: conformalQuantile(fit.residuals, CONFIDENCE), skill: fit.skill && fit.line.slope > 0 };
  return { observed, before, after };
}

async function realData(): Promise<void> {
  const content = await buildContent({ dataDir: path.resolve("data"), datasetsDir: values.datasets, resamples: 20 });
  for (const id of ["fetv", "tvge"]) {
    const context = scoringContext(content, id, { resamples: 20, seed: 1, confidence: CONFIDENCE });
    if (context.pool.length === 0) {
      console.log(`${id}: no dataset found, skipped`);
      continue;
    }
    const before = new Tally();
    const after = new Tally();
    const refusedCells = { pairs: 0, cells: 0, refusedPairs: 0 };
    let outside = 0;
    for (const evaluator of content.v2tEntries.filter((e) => e.benchmarkId === id).map((e) => e.id)) {
      for (const perspective of context.mos) {
        const set = calibrationSet(context, predictionsOf(content, id, evaluator, perspective), perspective);
        if (set.scores.length === 0) continue;
        const range = context.ranges[perspective] ?? { min: -Infinity, max: Infinity };
        const calibration = content.calibrations.find((c) => c.benchmarkId === id && c.evaluatorId === evaluator && c.perspectiveId === perspective);
        refusedCells.pairs++;
        if (calibration?.refusal) refusedCells.refusedPairs++;
        for (const model of [...new Set(set.models)]) {
          const found = leftOut(set.scores, set.truth, set.models, model, range.min, range.max);
          if (found.before) {
            before.add(found.before.value - found.before.half, found.before.value + found.before.half, found.observed);
            if (found.before.value - found.before.half < range.min || found.before.value + found.before.half > range.max) outside++;
          }
          if (found.after) after.add(clampTo(found.after.value - found.after.half, range.min, range.max), clampTo(found.after.value + found.after.half, range.min, range.max), found.observed);
          refusedCells.cells++;
        }
      }
    }
    console.log(`${id} (${context.poolModels.length} models, real data, each model left out):`);
    console.log(`  before (per-video line, ±1.96·√(slope²SE² + LOO RMSE²)): ${before.text()}; ${outside} intervals run outside the scale`);
    console.log(`  after (model-mean line, split-conformal ${CONFIDENCE * 100}%, clipped): ${after.text()} — with ${context.poolModels.length - 1} models left the conformal rank exceeds n, so the interval is the whole scale: such figures are shown apart, unranked`);
    console.log(`  skill check refuses ${refusedCells.refusedPairs} of ${refusedCells.pairs} evaluator × perspective pairs`);
  }
}

function synthetic(): void {
  const replicates = Number(values.replicates);
  const seed = Number(values.seed);
  const models = 30;
  const perModel = 1950;
  const before = new Tally();
  const after = new Tally();
  const afterSkilled = new Tally();
  let outside = 0;
  for (let r = 0; r < replicates; r++) {
    const random = createRandom(seed * 1000 + r);
    const normals = standardNormals(seed * 1000 + r, 4 * models * perModel + 4 * models);
    let k = 0;
    const next = () => normals[k++] as number;
    const n = models * perModel;
    const scores = new Float64Array(n);
    const truth = new Float64Array(n);
    const groups: string[] = new Array(n);
    for (let m = 0; m < models; m++) {
      // Model quality on 0–100 (humans), and the evaluator's model-specific bias (its own taste), about a third of the spread.
      const quality = 35 + 30 * random.nextFloat();
      const bias = 3 * next();
      for (let v = 0; v < perModel; v++) {
        const i = m * perModel + v;
        const human = clampTo(quality + 15 * next(), 0, 100);
        truth[i] = human;
        // Per-video r with the humans about 0.3: a weak shared signal plus the model's bias and much noise.
        scores[i] = 0.5 + 0.004 * (human + bias) + 0.2 * next();
        groups[i] = `m${m}`;
      }
    }
    for (let m = 0; m < models; m++) {
      const found = leftOut(scores, truth, groups, `m${m}`, 0, 100);
      if (found.before) {
        before.add(found.before.value - found.before.half, found.before.value + found.before.half, found.observed);
        if (found.before.value - found.before.half < 0 || found.before.value + found.before.half > 100) outside++;
      }
      if (found.after) {
        const low = clampTo(found.after.value - found.after.half, 0, 100);
        const high = clampTo(found.after.value + found.after.half, 0, 100);
        after.add(low, high, found.observed);
        if (found.after.skill) afterSkilled.add(low, high, found.observed);
      }
    }
  }
  console.log(`AIGVE-60K size, synthetic (${replicates} replicates × 30 models × 1,950 videos, per-video r ≈ 0.3, model-specific evaluator bias SD 3, seed ${seed}):`);
  console.log(`  before: ${before.text()}; ${outside} intervals run outside 0–100`);
  console.log(`  after: ${after.text()}`);
  console.log(`  after, cells whose pair passes the skill check: ${afterSkilled.text()}`);
}

await realData();
synthetic();
