/**
 * Different panels made from FETV's real per-rater ratings, as ratings.csv bundles in the documented format: one of
 * FETV's raters alone rating a model's videos (and the anchors not of that model), or all three raters with a share of
 * their ratings replaced by random draws. FETV's board value of the model is what such a panel should land on.
 */
import { createRandom } from "../../src/engine/index.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import type { BundleContents } from "./bundles.ts";
import { fetvAnchors, t2vManifest } from "./fetv-bundles.ts";

/** FETV's three raters, as the importer names them. */
export const FETV_RATERS = ["human0", "human1", "human2"] as const;

/** Rows of ratings.csv for model M's videos (as prompt ids) and the anchors not of M, by `keep` raters; `score` may replace a rating. */
function panelRows(content: StoreContent, model: string, keep: (rater: string) => boolean, score: (rating: number) => number): string {
  const anchors = new Set(fetvAnchors().filter((a) => !a.startsWith(`${model}/`)));
  const rows = ["video,perspective,rater,score"];
  for (const r of content.ratings) {
    if (r.benchmarkId !== "fetv" || !keep(r.rater)) continue;
    const [source, prompt] = r.videoId.split("/");
    if (source === model) rows.push(`${prompt},${r.perspectiveId},${r.rater},${score(r.score)}`);
    else if (anchors.has(r.videoId)) rows.push(`${r.videoId},${r.perspectiveId},${r.rater},${score(r.score)}`);
  }
  return `${rows.join("\n")}\n`;
}

/** One FETV rater alone as the panel: that rater's real ratings of model M's 619 videos and of the anchors not of M. */
export function oneRaterBundle(content: StoreContent, model: string, rater: string): BundleContents {
  return { "manifest.json": t2vManifest(`${model} by ${rater}`), "ratings.csv": panelRows(content, model, (r) => r === rater, (s) => s) };
}

/**
 * FETV's three raters on model M with a `share` of all their ratings (new videos and anchors alike) replaced by
 * uniform integer draws from 1–5, seeded: a noisier panel, whose anchor line a forward fit would attenuate.
 */
export function noisyPanelBundle(content: StoreContent, model: string, share: number, seed: number): BundleContents {
  const random = createRandom(seed);
  const noisy = (s: number) => (random.nextFloat() < share ? 1 + random.nextInt(5) : s);
  return { "manifest.json": t2vManifest(`${model} noisy panel`), "ratings.csv": panelRows(content, model, () => true, noisy) };
}
