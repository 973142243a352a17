/**
 * A release's board downloads: /downloads/releases/<release>/<benchmark>/<board>.{csv,json}, the same files as
 * the latest URLs, kept under the release they were built from so that a citation can point at them.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../../lib/benchmarks.ts";
import { boardDownload, type DownloadFormat } from "../../../../../lib/downloads.ts";
import { currentRelease } from "../../../../../lib/release.ts";
import { BoardIdSchema, type BoardId } from "../../../../../schemas/board.ts";

interface Props {
  readonly release: string;
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly format: DownloadFormat;
}

export const getStaticPaths: GetStaticPaths = () => {
  const release = currentRelease().id;
  return listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.flatMap((board) =>
      (["csv", "json"] as const).map((format) => ({ params: { release, benchmark: b.id, file: `${board}.${format}` }, props: { release, benchmarkId: b.id, board, format } satisfies Props })),
    ),
  );
};

export const GET: APIRoute<Props> = ({ props }) => boardDownload(props.benchmarkId, props.board, props.format, props.release);
