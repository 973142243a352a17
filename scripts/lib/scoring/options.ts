/** Options and shared shapes of scoring. */
import type { BootstrapSettings, BoardEntryUncertainty } from "../../../src/engine/index.ts";
import type { BoardId } from "../../../src/schemas/board.ts";

/** Scoring options: bootstrap settings and a progress callback for long work. */
export interface ScoringOptions {
  readonly resamples?: number;
  readonly seed?: number;
  readonly progress?: (message: string) => void;
  /** Where to keep scoring output between rebuilds (see cache.ts); no caching when absent. */
  readonly cacheDir?: string;
}

/** A board's joint-bootstrap rank uncertainty, to merge into its rankings. */
export interface BoardUncertainty {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly entries: readonly BoardEntryUncertainty[];
}

/** How a recomputed figure's interval was made, stored as its source so anyone can recompute it. */
export function bootstrapNote(settings: BootstrapSettings, unit: string): string {
  return `engine bootstrap: ${settings.resamples} resamples of ${unit}, seed ${settings.seed}, ${Math.round(settings.confidence * 100)}% percentile interval`;
}
