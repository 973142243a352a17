/**
 * Chooses a benchmark's anchor set: a fixed number of its labelled generated videos, stratified over its T2V
 * models (the same number from each) and over the range of their human scores (one video from each equal
 * share of a model's videos ranked by score), with no prompt used twice. Deterministic: the same pool gives
 * the same anchors.
 */

/** A candidate video: its id, model, prompt and human score (mean over the MOS perspectives). */
export interface AnchorCandidate {
  readonly id: string;
  readonly model: string;
  readonly prompt: string;
  readonly score: number;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `count` anchors, as evenly over the models as `count` allows (models in id order get the extra ones). */
export function chooseAnchors(candidates: readonly AnchorCandidate[], count: number): string[] {
  const models = [...new Set(candidates.map((c) => c.model))].sort(byText);
  const usedPrompts = new Set<string>();
  const chosen: string[] = [];
  models.forEach((model, m) => {
    const share = Math.floor(count / models.length) + (m < count % models.length ? 1 : 0);
    const ranked = candidates.filter((c) => c.model === model).sort((a, b) => a.score - b.score || byText(a.id, b.id));
    for (let bin = 0; bin < share; bin++) {
      const start = Math.floor((bin * ranked.length) / share);
      const end = Math.floor(((bin + 1) * ranked.length) / share);
      const middle = Math.floor((start + end - 1) / 2);
      // The median of the bin, else the nearest video of the bin whose prompt no anchor uses yet.
      for (let offset = 0; offset < end - start; offset++) {
        const at = offset % 2 === 0 ? middle + offset / 2 : middle - (offset + 1) / 2;
        const candidate = ranked[at];
        if (at < start || at >= end || candidate === undefined || usedPrompts.has(candidate.prompt)) continue;
        usedPrompts.add(candidate.prompt);
        chosen.push(candidate.id);
        break;
      }
    }
  });
  return chosen;
}

/** How many anchors a benchmark's set holds unless its anchors.json says otherwise. */
export const ANCHOR_COUNT = 60;

/** How an anchor set of `count` videos is chosen, in words, for anchors.json and the guide. */
export function anchorMethod(count: number, perspectives: readonly string[]): string {
  return (
    `${count} labelled videos of the T2V models, the same number from each model; within a model, its videos ranked by ` +
    `their human score (mean over ${perspectives.join(", ")}) and split into equal shares, the median video of each share, no prompt used twice.`
  );
}

/** The candidates of a benchmark's anchor set: its labelled generated videos with a human score in every MOS perspective. */
export function anchorCandidates(
  videos: readonly { id: string; t2vEntryId: string; promptId: string; labelled: boolean; isReference: boolean }[],
  groundTruth: readonly { videoId: string; perspectiveId: string; mos?: number | null }[],
  perspectives: readonly string[],
): AnchorCandidate[] {
  const scores = new Map<string, number[]>();
  for (const g of groundTruth) {
    if (g.mos === null || g.mos === undefined || !perspectives.includes(g.perspectiveId)) continue;
    const list = scores.get(g.videoId) ?? [];
    list.push(g.mos);
    scores.set(g.videoId, list);
  }
  return videos
    .filter((v) => v.labelled && !v.isReference && (scores.get(v.id)?.length ?? 0) === perspectives.length)
    .map((v) => ({ id: v.id, model: v.t2vEntryId, prompt: v.promptId, score: (scores.get(v.id) ?? []).reduce((a, b) => a + b, 0) / perspectives.length }));
}
