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

/** One file of a board's download (`dimensionId` null: one record per entry) or of a dimension's (every board, long format). */
export type DownloadFile = {
  readonly benchmarkId: string;
  readonly board: BoardId | null;
  readonly dimensionId: string | null;
  readonly format: DownloadFormat;
  readonly part: number | null;
};

/** A download file and its paths under /downloads/: `[latest, release]`. */
export interface ListedDownloadFile {
  readonly file: DownloadFile;
  readonly paths: readonly [latest: string, release: string];
}

/** The files of one download, part by part, CSV then JSON, each with its paths made by `pathOf` for the latest (null) and the release. */
function filesOf(parts: DownloadParts, fileOf: (format: DownloadFormat, part: number | null) => DownloadFile, pathOf: (release: string | null, file: DownloadFile) => string, release: string): ListedDownloadFile[] {
  return parts.flatMap((part) =>
    FORMATS.map((format) => {
      const file = fileOf(format, part);
      return { file, paths: [pathOf(null, file), pathOf(release, file)] as const };
    }),
  );
}

/** Every board and dimension download file of `release` (the current one), benchmark by benchmark: boards, then dimensions. */
export function downloadFiles(release: string): ListedDownloadFile[] {
  return listBenchmarks().flatMap((b) => [
    ...BoardIdSchema.options.flatMap((board) =>
      filesOf(
        boardDownloadParts(b.id, board, release),
        (format, part) => ({ benchmarkId: b.id, board, dimensionId: null, format, part }),
        (at, file) => boardDownloadPath(at, file.benchmarkId, board, file.format, file.part),
        release,
      ),
    ),
    ...listDimensions(b.id).flatMap((d) =>
      filesOf(
        dimensionDownloadParts(b.id, d.id, release),
        (format, part) => ({ benchmarkId: b.id, board: null, dimensionId: d.id, format, part }),
        (at, file) => dimensionDownloadPath(at, file.benchmarkId, d.id, file.format, file.part),
        release,
      ),
    ),
  ]);
}

/** A download file's body (the same at both of its paths). */
export function downloadFileResponse(file: DownloadFile, release: string): Response {
  if (file.dimensionId !== null) return dimensionDownload(file.benchmarkId, file.dimensionId, file.format, release, file.part);
  return boardDownload(file.benchmarkId, file.board as BoardId, file.format, release, file.part);
}
