/**
 * Where an auto-scored T2V entry stands: ranked among the human-rated entries only when its evaluator's
 * calibration is validated at the level it is used (model means) on at least the protocol's minimum of T2V
 * models (the minimum model-level correlations are ranked from); otherwise shown apart, on the evaluator's own
 * scale, unranked.
 */
import { modelCount, type ScoringContext } from "./context.ts";

type Entry = ScoringContext["content"]["t2vEntries"][number];

/** Why auto-scored entries of this benchmark are shown apart and unranked, or null when they can be calibrated and ranked. */
export function autoUnrankedReason(context: ScoringContext, evaluatorId: string): string | null {
  const models = modelCount(context) ?? 0;
  const minimum = context.protocol.minModelsForModelLevel;
  if (models >= minimum) return null;
  return (
    `Scored automatically by ${evaluatorId}, whose calibration to the human scale can be checked on only ${models} T2V models ` +
    `(the protocol validates model-level figures from ${minimum}), so its raw scores are shown apart, beside its scores of those models, and not ranked.`
  );
}

/** Whether a T2V entry is auto-scored and kept apart from the ranked board (see autoUnrankedReason). */
export function isKeptApart(context: ScoringContext, entry: Entry): boolean {
  return entry.source === "auto" && autoUnrankedReason(context, entry.evaluatorId ?? "") !== null;
}
