/** Board downloads: /downloads/<benchmark>/{t2v,v2t-instance,v2t-model}.{csv,json}, generated at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { boardDownload, type DownloadFormat } from "../../../lib/downloads.ts";
import { currentRelease } from "../../../lib/release.ts";
import { BoardIdSchema, type BoardId } from "../../../schemas/board.ts";

const FORMATS = ["csv", "json"] as const satisfies readonly DownloadFormat[];

interface Props {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly format: DownloadFormat;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.flatMap((board) =>
      FORMATS.map((format) => ({ params: { benchmark: b.id, file: `${board}.${format}` }, props: { benchmarkId: b.id, board, format } satisfies Props })),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => boardDownload(props.benchmarkId, props.board, props.format, currentRelease().id);
