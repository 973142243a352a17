/** Every entry of a benchmark and direction, read from the store once per build: one loader for every page that lists or shows entries. */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import type { GenerationCard } from "../schemas/generation-card.ts";
import type { ProvenanceKind } from "../schemas/provenance.ts";
import type { TrainedOnBenchmark, TrainingDataset } from "../schemas/training-data.ts";
import { store } from "./store.ts";

/** Who produced an entry's figures, who ran the model and the evaluation, links and date (src/schemas/provenance.ts). */
export interface EntryProvenance {
  readonly kind: ProvenanceKind;
  readonly producedBy: string;
  readonly sampledBy: string;
  readonly evaluatedBy: string;
  readonly codeUrl: string | null;
  readonly weightsUrl: string | null;
  readonly date: string | null;
  readonly source: string;
}

/** What a V2T entry was trained or tuned on; `datasets` null when its sources do not say. */
export interface EntryTraining {
  readonly trainedOnBenchmark: TrainedOnBenchmark;
  readonly datasets: readonly TrainingDataset[] | null;
  readonly source: string | null;
  readonly note: string | null;
}

/** How a T2V entry's videos were made, and where that is stated. */
export interface EntryGenerationCard {
  readonly card: GenerationCard;
  readonly source: string;
  readonly note: string | null;
}

/** An entry's metadata, common to both directions. */
export interface EntryInfo {
  readonly id: string;
  readonly name: string;
  readonly direction: "t2v" | "v2t";
  readonly url: string | null;
  readonly organization: string | null;
  readonly access: string | null;
  readonly kind: string | null;
  readonly size: string | null;
  readonly license: string | null;
  /** How the outputs were produced, from the submission's manifest. */
  readonly method: string | null;
  readonly isReference: boolean;
  readonly source: string | null;
  readonly evaluatorId: string | null;
  readonly submissionId: string | null;
  /** Null only in a store built before provenance was recorded. */
  readonly provenance: EntryProvenance | null;
  /** V2T entries: what the method was trained on (T2V entries: null). */
  readonly training: EntryTraining | null;
  /** T2V entries: how the videos were made, where stated (null: not stated). */
  readonly generationCard: EntryGenerationCard | null;
}

/**
 * A benchmark's entries of one direction by id (cached), read once per build: every entry page reads its own, and one query
 * per direction rather than one per page keeps the store's per-query cost out of the build's per-page cost.
 */
const entriesOf = new Map<string, ReadonlyMap<string, EntryInfo>>();

export function entriesByDirection(benchmarkId: string, direction: "t2v" | "v2t"): ReadonlyMap<string, EntryInfo> {
  const key = `${benchmarkId}\u0000${direction}`;
  let entries = entriesOf.get(key);
  if (!entries) {
    const db = store();
    const provenance = new Map(
      db
        .select()
        .from(t.entryProvenance)
        .where(and(eq(t.entryProvenance.benchmarkId, benchmarkId), eq(t.entryProvenance.direction, direction)))
        .all()
        .map(({ benchmarkId: _b, direction: _d, entryId, ...p }) => [entryId, p]),
    );
    const training = new Map(
      direction === "t2v"
        ? []
        : db
            .select()
            .from(t.trainingData)
            .where(eq(t.trainingData.benchmarkId, benchmarkId))
            .all()
            .map((r): [string, EntryTraining] => [
              r.entryId,
              { trainedOnBenchmark: r.trainedOnBenchmark, datasets: r.datasetsJson === null ? null : (JSON.parse(r.datasetsJson) as TrainingDataset[]), source: r.source, note: r.note },
            ]),
    );
    const cards = new Map(
      direction === "v2t"
        ? []
        : db
            .select()
            .from(t.generationCards)
            .where(eq(t.generationCards.benchmarkId, benchmarkId))
            .all()
            .map((r): [string, EntryGenerationCard] => [r.entryId, { card: JSON.parse(r.cardJson) as GenerationCard, source: r.source, note: r.note }]),
    );
    const disclosures = (id: string) => ({ provenance: provenance.get(id) ?? null, training: training.get(id) ?? null, generationCard: cards.get(id) ?? null });
    const rows: EntryInfo[] =
      direction === "t2v"
        ? db
            .select()
            .from(t.t2vEntries)
            .where(eq(t.t2vEntries.benchmarkId, benchmarkId))
            .all()
            .map((e) => ({ ...e, direction, kind: null, size: null, ...disclosures(e.id) }))
        : db
            .select()
            .from(t.v2tEntries)
            .where(eq(t.v2tEntries.benchmarkId, benchmarkId))
            .all()
            .map((e) => ({ ...e, direction, access: null, isReference: false, source: null, evaluatorId: null, ...disclosures(e.id) }));
    entries = new Map(rows.map((e) => [e.id, e]));
    entriesOf.set(key, entries);
  }
  return entries;
}

