/**
 * The one builder of T2V generation-card rows: a submission's `generationCard`, or, for a benchmark's own models,
 * its record in the benchmark folder's generation-cards.json (what the papers state, with a source). A model
 * without a record has no row: the site says "not stated".
 */
import fs from "node:fs";
import path from "node:path";
import { GenerationCardsFileSchema, type GenerationCard, type GenerationCardRecord } from "../../src/schemas/generation-card.ts";
import { throwIfProblems } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";

const FILE = "generation-cards.json";

/** The recorded models of a benchmark folder by name; empty when it has no generation-cards.json. */
export function readGenerationCards(benchmarkDir: string): Map<string, GenerationCardRecord> {
  const file = path.join(benchmarkDir, FILE);
  if (!fs.existsSync(file)) return new Map();
  const { models } = readJsonFile(file, GenerationCardsFileSchema);
  const byName = new Map<string, GenerationCardRecord>();
  throwIfProblems(
    models.flatMap((record, i) => {
      const clash = byName.has(record.model);
      byName.set(record.model, record);
      return clash ? [{ file: displayPath(file), field: `models.${i}.model`, message: `"${record.model}" is listed twice` }] : [];
    }),
  );
  return byName;
}

/** A submitted T2V entry's card, from its manifest. */
export function addSubmittedCard(content: StoreContent, benchmarkId: string, entryId: string, card: GenerationCard, source: string): void {
  content.generationCards.push({ benchmarkId, entryId, cardJson: JSON.stringify(card), source, note: null });
}

/** Cards for the T2V entries of a benchmark that have none yet (its own or published models), from generation-cards.json. */
export function addRecordedCards(content: StoreContent, benchmarkId: string, benchmarkDir: string): void {
  const records = readGenerationCards(benchmarkDir);
  const done = new Set(content.generationCards.filter((c) => c.benchmarkId === benchmarkId).map((c) => c.entryId));
  for (const entry of content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId && !done.has(e.id))) {
    const record = records.get(entry.name);
    if (record === undefined) continue;
    content.generationCards.push({ benchmarkId, entryId: entry.id, cardJson: JSON.stringify(record.card), source: record.source, note: record.note ?? null });
  }
}
