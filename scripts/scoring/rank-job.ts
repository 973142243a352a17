/**
 * One board scope's ranking as a job a worker thread can take (worker-pool.ts): the engine's `rankWithUncertainty`
 * on the scope's entries, their resampled values packed into one block per column, so that a scope moves to a worker
 * as a few transferred buffers instead of thousands of cloned ones, and its rank sums come back the same way. The
 * figures are the engine's on the same values, whichever thread runs the job.
 */
import { rankWithUncertainty, type Direction, type RankableEntry, type RankedEntry } from "../../src/engine/index.ts";
import type { BoardId } from "../../src/schemas/board.ts";
import { decodeDrawsSingle } from "../../db/draws.ts";
import { readStore } from "../store/read-store.ts";

/**
 * Where a scope's resampled values that a job does not carry are read: the store a submit writes to, which holds
 * every stored entry's (the submit's content holds its new entry's only), read by the thread that runs the job.
 */
export interface StoredDraws {
  readonly file: string;
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
}

/** A board scope's entries as plain data: per column, every entry's resampled values in one block. */
export interface RankJob {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Point values, entry by entry, column by column. */
  readonly values: readonly (readonly (number | null)[])[];
  /** Per column: the entries' resampled values one after another (`starts`, `lengths`; length −1 where an entry has none). */
  readonly blocks: readonly Float32Array[];
  readonly starts: readonly Int32Array[];
  readonly lengths: readonly Int32Array[];
  /** The columns' keys, and where the values the blocks lack are stored (null: nowhere, such an entry has none). */
  readonly columnKeys: readonly string[];
  readonly stored: StoredDraws | null;
  readonly directions: readonly Direction[];
  readonly confidence: number;
}

/** Runs rank jobs, in this thread or in others. */
export type RankRunner = (job: RankJob) => Promise<readonly RankedEntry[]>;

/** One scope's entries with their stored (single-precision) resampled values, null where an entry has none (or they are in `stored`). */
export interface StoredRankable {
  readonly id: string;
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly draws: readonly (Float32Array | null)[];
}

/** Packs a scope's entries into a job (one copy of the resampled values they hold, column by column). */
export function rankJob(rows: readonly StoredRankable[], columnKeys: readonly string[], directions: readonly Direction[], confidence: number, stored: StoredDraws | null = null): RankJob {
  const n = rows.length;
  const blocks: Float32Array[] = [];
  const starts: Int32Array[] = [];
  const lengths: Int32Array[] = [];
  directions.forEach((_, c) => {
    const start = new Int32Array(n);
    const length = new Int32Array(n);
    let total = 0;
    rows.forEach((row, e) => {
      const draws = row.draws[c] ?? null;
      start[e] = total;
      length[e] = draws === null ? -1 : draws.length;
      total += draws === null ? 0 : draws.length;
    });
    const block = new Float32Array(total);
    rows.forEach((row, e) => {
      const draws = row.draws[c] ?? null;
      if (draws !== null) block.set(draws, start[e] as number);
    });
    blocks.push(block);
    starts.push(start);
    lengths.push(length);
  });
  return { ids: rows.map((r) => r.id), names: rows.map((r) => r.name), values: rows.map((r) => r.values), blocks, starts, lengths, columnKeys, stored, directions, confidence };
}

/** The buffers a job moves to the thread that runs it (then unusable here). */
export function rankJobTransfers(job: RankJob): ArrayBuffer[] {
  return [...job.blocks, ...job.starts, ...job.lengths].map((a) => a.buffer as ArrayBuffer);
}

/** The scope's stored resampled values by entry and column key (views of the stored bytes). */
function readStoredDraws({ file, benchmarkId, board, dimension }: StoredDraws): Map<string, Float32Array> {
  const rows = readStore(file, { scope: { benchmarkId, boards: [board], dimension }, tables: ["draws"] }).draws;
  return new Map(rows.map((row) => [`${row.entryId}\u0000${row.columnKey}`, decodeDrawsSingle(row.values)]));
}

/** Runs one rank job in this thread: what a worker does with it. */
export function runRankJob(job: RankJob): RankedEntry[] {
  const stored = job.stored === null ? null : readStoredDraws(job.stored);
  const entries: RankableEntry[] = job.ids.map((id, e) => ({
    id,
    name: job.names[e] as string,
    values: job.values[e] as (number | null)[],
    draws: job.blocks.map((block, c) => {
      const length = (job.lengths[c] as Int32Array)[e] as number;
      const start = (job.starts[c] as Int32Array)[e] as number;
      if (length >= 0) return block.subarray(start, start + length);
      return stored?.get(`${id}\u0000${job.columnKeys[c]}`) ?? null;
    }),
  }));
  return rankWithUncertainty(entries, job.directions, job.confidence);
}

/** The buffers of a ranking's rank sums, each once (they are views of one block): moved back rather than copied. */
export function rankedTransfers(ranked: readonly RankedEntry[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const entry of ranked) if (entry.rankSumDraws !== null) buffers.add(entry.rankSumDraws.buffer as ArrayBuffer);
  return [...buffers];
}

/** Runs rank jobs one after another in this thread (no workers): the same figures as any pool gives. */
export const rankInThisThread: RankRunner = async (job) => runRankJob(job);
