/**
 * The compare view's data for the entries it shows, put together in the browser from the direction's index and
 * each entry's fetched files: their places as stored, and every pair's verdicts from their resamples (verdicts.ts).
 */
import type { CompareEntryFile, CompareIndex, Comparison } from "../../lib/shared/compare.ts";
import { pairVerdicts, type FetchedBoard } from "./verdicts.ts";

/** One entry's files as fetched: its JSON, and each board's resamples parts by board id (null until fetched). */
export interface FetchedEntry {
  readonly file: CompareEntryFile;
  readonly values: Readonly<Record<string, readonly (Float32Array | null)[]>>;
}

/** The comparison of the fetched entries, in their order. */
export function assembleComparison(index: CompareIndex, fetched: readonly FetchedEntry[]): Comparison {
  return {
    pending: fetched.some((f) => Object.values(f.values).some((parts) => parts.includes(null))),
    benchmarkId: index.benchmarkId,
    benchmarkTitle: index.benchmarkTitle,
    direction: index.direction,
    confidence: index.confidence,
    entries: fetched.map((f) => f.file.entry),
    scopes: index.scopes,
    boards: index.boards.map((info) => {
      const boards = fetched.map((f): FetchedBoard | null => {
        const board = f.file.boards[info.board];
        return board ? { board, values: f.values[info.board] ?? [] } : null;
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

/** Float32 little-endian bytes (the store's encoding of resampled values) as numbers (a copy read value by value on a big-endian machine). */
export function float32LittleEndian(buffer: ArrayBuffer): Float32Array {
  const native = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;
  if (native) return new Float32Array(buffer);
  const view = new DataView(buffer);
  return Float32Array.from({ length: buffer.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** Fetches a file, failing on an error status. */
async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response;
}

/** Fetches one entry's JSON. */
export async function fetchEntryFile(index: CompareIndex, id: string): Promise<CompareEntryFile> {
  return (await (await get(`${index.entryFolder}${encodeURIComponent(id)}.json`)).json()) as CompareEntryFile;
}

/** Fetches one resamples part. */
export async function fetchResamples(url: string): Promise<Float32Array> {
  return float32LittleEndian(await (await get(url)).arrayBuffer());
}

/** An entry's JSON with each of its resamples parts' values as `resamples` gives them by URL (null: not fetched yet). */
export function withResamples(file: CompareEntryFile, resamples: (url: string) => Float32Array | null): FetchedEntry {
  const values = Object.fromEntries(Object.entries(file.boards).map(([board, found]) => [board, found?.resamples?.parts.map((part) => resamples(part.url)) ?? []]));
  return { file, values };
}
