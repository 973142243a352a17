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
