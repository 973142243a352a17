/** Every download kept under a release, by URL: each board and each dimension of each benchmark, CSV and JSON. */
import { BoardIdSchema } from "../schemas/board.ts";
import { listBenchmarks, listDimensions } from "./benchmarks.ts";
import { releaseDimensionDownloadUrl, releaseDownloadUrl } from "./urls.ts";

/** The URLs of a release's files. */
export function releaseFiles(release: string): string[] {
  return listBenchmarks().flatMap((b) =>
    (["csv", "json"] as const).flatMap((format) => [
      ...BoardIdSchema.options.map((board) => releaseDownloadUrl(release, b.id, board, format)),
      ...listDimensions(b.id).map((d) => releaseDimensionDownloadUrl(release, b.id, d.id, format)),
    ]),
  );
}
