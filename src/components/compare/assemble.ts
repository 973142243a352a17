/**
 * The compare view's data for the entries it shows, put together in the browser from the direction's index and
 * each entry's fetched files: their places as stored, and every pair's verdicts from their resamples (verdicts.ts).
 */
import type { CompareEntryFile, CompareIndex, Comparison } from "../../lib/shared/compare.ts";
import { pairVerdicts, type FetchedBoard } from "./verdicts.ts";

/** One entry's files as fetched: its JSON, and each board's resamples by board id. */
export interface FetchedEntry {
  readonly file: CompareEntryFile;
  readonly values: Readonly<Record<string, Float64Array>>;
}

/** The comparison of the fetched entries, in their order. */
export function assembleComparison(index: CompareIndex, fetched: readonly FetchedEntry[]): Comparison {
  return {
    benchmarkId: index.benchmarkId,
    benchmarkTitle: index.benchmarkTitle,
    direction: index.direction,
    confidence: index.confidence,
    entries: fetched.map((f) => f.file.entry),
    scopes: index.scopes,
    boards: index.boards.map((info) => {
      const boards = fetched.map((f): FetchedBoard | null => {
        const board = f.file.boards[info.board];
        return board ? { board, values: f.values[info.board] ?? null } : null;
      });
      return {
        ...info,
        scopes: Object.fromEntries(
          index.scopes.map((scope) => [
            scope.id,
            {
              places: boards.map((b) => b?.board.places[scope.id] ?? null),
              pairs: index.confidence === null ? [] : pairVerdicts(info, scope.id, boards, index.confidence),
            },
          ]),
        ),
      };
    }),
  };
}

/** Float64 little-endian bytes as numbers (a copy read value by value on a big-endian machine). */
export function float64LittleEndian(buffer: ArrayBuffer): Float64Array {
  const native = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;
  if (native) return new Float64Array(buffer);
  const view = new DataView(buffer);
  return Float64Array.from({ length: buffer.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

/** Fetches one entry's files: its JSON, then the resamples of each board that has them. */
export async function fetchEntry(index: CompareIndex, id: string): Promise<FetchedEntry> {
  const get = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response;
  };
  const file = (await (await get(`${index.entryFolder}${encodeURIComponent(id)}.json`)).json()) as CompareEntryFile;
  const boards = Object.entries(file.boards).flatMap(([board, found]) => (found?.resamples ? [[board, found.resamples.url] as const] : []));
  const values = await Promise.all(boards.map(async ([board, url]) => [board, float64LittleEndian(await (await get(url)).arrayBuffer())] as const));
  return { file, values: Object.fromEntries(values) };
}
