/**
 * Every board and dimension download file (each whole download, or each of its parts), in the order the build writes
 * them, each with its two paths under /downloads/: the latest and the one kept under the release. The two copies are
 * the same bytes, so they are listed next to each other and the second is served from the first's
 * (`downloads.ts`); a dimension's files are listed together, so its board views are read once for all of them.
 */
import type { BoardId } from "../schemas/board.ts";
import { BoardIdSchema } from "../schemas/board.ts";
import { listBenchmarks, listDimensions } from "./benchmarks.ts";
import { boardDownload, boardDownloadParts, dimensionDownload, dimensionDownloadParts, type DownloadFormat, type DownloadParts } from "./downloads.ts";
import { boardDownloadPath, dimensionDownloadPath } from "./urls.ts";

const FORMATS = ["csv", "json"] as const satisfies readonly DownloadFormat[];

/** A board's download (`dimensionId` null: one record per entry) or a dimension's (`board` null: every board, long format). */
export type Download = { readonly benchmarkId: string } & ({ readonly board: BoardId; readonly dimensionId: null } | { readonly board: null; readonly dimensionId: string });

/** One file of a download: the whole download (`part` null) or one of its parts, in one format. */
export type DownloadFile = Download & { readonly format: DownloadFormat; readonly part: number | null };

/** A download file and its paths under /downloads/: `[latest, release]`. */
export interface ListedDownloadFile {
  readonly file: DownloadFile;
  readonly paths: readonly [latest: string, release: string];
}

/** Where a download file sits under /downloads/: at its latest path (`release` null) or as kept for the release. */
function pathOf(release: string | null, file: DownloadFile): string {
  if (file.board === null) return dimensionDownloadPath(release, file.benchmarkId, file.dimensionId, file.format, file.part);
  return boardDownloadPath(release, file.benchmarkId, file.board, file.format, file.part);
}

/** A download's files, part by part, CSV then JSON, each with its latest and release path. */
function filesOf(download: Download, parts: DownloadParts, release: string): ListedDownloadFile[] {
  return parts.flatMap((part) =>
    FORMATS.map((format) => {
      const file: DownloadFile = { ...download, format, part };
      return { file, paths: [pathOf(null, file), pathOf(release, file)] as const };
    }),
  );
}

/** Every board and dimension download file of `release` (the current one), benchmark by benchmark: boards, then dimensions. */
export function downloadFiles(release: string): ListedDownloadFile[] {
  return listBenchmarks().flatMap((b) => [
    ...BoardIdSchema.options.flatMap((board) => filesOf({ benchmarkId: b.id, board, dimensionId: null }, boardDownloadParts(b.id, board, release), release)),
    ...listDimensions(b.id).flatMap((d) => filesOf({ benchmarkId: b.id, board: null, dimensionId: d.id }, dimensionDownloadParts(b.id, d.id, release), release)),
  ]);
}

/** A download file's body (the same at both of its paths). */
export function downloadFileResponse(file: DownloadFile, release: string): Response {
  if (file.board === null) return dimensionDownload(file.benchmarkId, file.dimensionId, file.format, release, file.part);
  return boardDownload(file.benchmarkId, file.board, file.format, release, file.part);
}
