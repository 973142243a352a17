/**
 * Every download kept under a release, by URL: each board and each dimension of each benchmark, CSV and JSON (every
 * part of one split into parts).
 */
import { BoardIdSchema } from "../schemas/board.ts";
import { listBenchmarks, listDimensions } from "./benchmarks.ts";
import { boardDownloadParts, dimensionDownloadParts } from "./downloads.ts";
import { releaseDimensionDownloadUrl, releaseDownloadUrl } from "./urls.ts";

/** The URLs of a release's files. */
export function releaseFiles(release: string): string[] {
  return listBenchmarks().flatMap((b) =>
    (["csv", "json"] as const).flatMap((format) => [
      ...BoardIdSchema.options.flatMap((board) => boardDownloadParts(b.id, board, release).map((part) => releaseDownloadUrl(release, b.id, board, format, part))),
      ...listDimensions(b.id).flatMap((d) => dimensionDownloadParts(b.id, d.id, release).map((part) => releaseDimensionDownloadUrl(release, b.id, d.id, format, part))),
    ]),
  );
}
