/**
 * An entry's provenance, training data and generation card as download cells (snake_case, the same in CSV and
 * JSON): who produced the figures, who ran the model and the evaluation, links, date and source; for V2T entries
 * what they were trained on; for T2V entries how their videos were made ("not stated" where nothing says).
 */
import { GENERATION_CARD_FIELDS, NOT_STATED } from "../schemas/generation-card.ts";
import type { BoardRow } from "./boards.ts";
import type { CsvCell } from "./csv.ts";

/** The provenance columns of every board download. */
export const PROVENANCE_COLUMNS = ["provenance_kind", "produced_by", "sampled_by", "evaluated_by", "code_url", "weights_url", "provenance_date", "provenance_source"];

/** The training-data columns of V2T board downloads. */
export const TRAINING_COLUMNS = ["trained_on_benchmark", "training_data", "training_data_source"];

/** The generation-card columns of T2V board downloads. */
export const GENERATION_COLUMNS = [...GENERATION_CARD_FIELDS.map((f) => f.column), "generation_card_source"];

/** A row's provenance cells. */
export function provenanceRecord(row: Pick<BoardRow, "entryProvenance">): Record<string, CsvCell> {
  const p = row.entryProvenance;
  return {
    provenance_kind: p?.kind ?? null,
    produced_by: p?.producedBy ?? null,
    sampled_by: p?.sampledBy ?? null,
    evaluated_by: p?.evaluatedBy ?? null,
    code_url: p?.codeUrl ?? null,
    weights_url: p?.weightsUrl ?? null,
    provenance_date: p?.date ?? null,
    provenance_source: p?.source ?? null,
  };
}

/** A list of training datasets as one cell: "AIGVE-60K (train); MSR-VTT". */
export function datasetsText(datasets: readonly { dataset: string; split?: string | undefined }[]): string {
  return datasets.map((d) => (d.split === undefined ? d.dataset : `${d.dataset} (${d.split})`)).join("; ");
}

/** A V2T row's training-data cells: "not-stated" and a null list where its sources do not say. */
export function trainingRecord(row: BoardRow): Record<string, CsvCell> {
  const t = row.training;
  return {
    trained_on_benchmark: t?.trainedOnBenchmark ?? "not-stated",
    training_data: t?.datasets ? datasetsText(t.datasets) : null,
    training_data_source: t?.source ?? null,
  };
}

/** A T2V row's generation-card cells: "not stated" in every field where no card is recorded. */
export function generationRecord(row: Pick<BoardRow, "generationCard">): Record<string, CsvCell> {
  const card = row.generationCard?.card;
  const cells: Record<string, CsvCell> = {};
  for (const field of GENERATION_CARD_FIELDS) cells[field.column] = card?.[field.key] ?? NOT_STATED;
  cells.generation_card_source = row.generationCard?.source ?? null;
  return cells;
}
