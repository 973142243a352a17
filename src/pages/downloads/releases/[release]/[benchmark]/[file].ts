/**
 * A release's board downloads: /downloads/releases/<release>/<benchmark>/<board>.{csv,json}, the same files as
 * the latest URLs, kept under the release they were built from so that a citation can point at them.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../../lib/benchmarks.ts";
import { boardDownload, boardDownloadParts, type DownloadFormat } from "../../../../../lib/downloads.ts";
import { downloadFileName } from "../../../../../lib/urls.ts";
import { currentRelease } from "../../../../../lib/release.ts";
import { BoardIdSchema, type BoardId } from "../../../../../schemas/board.ts";

interface Props {
  readonly release: string;
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly format: DownloadFormat;
  readonly part: number | null;
}

export const getStaticPaths: GetStaticPaths = () => {
  const release = currentRelease().id;
  return listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.flatMap((board) =>
      boardDownloadParts(b.id, board, release).flatMap((part) =>
        (["csv", "json"] as const).map((format) => ({ params: { release, benchmark: b.id, file: downloadFileName(board, format, part) }, props: { release, benchmarkId: b.id, board, format, part } satisfies Props })),
      ),
    ),
  );
};

export const GET: APIRoute<Props> = ({ props }) => boardDownload(props.benchmarkId, props.board, props.format, props.release, props.part);
