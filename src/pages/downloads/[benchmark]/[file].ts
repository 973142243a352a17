/**
 * Board downloads: /downloads/<benchmark>/{t2v,v2t-instance,v2t-model}.{csv,json}, generated at build time; a board
 * whose JSON would pass PART_BYTES as parts instead, <board>.part-<k>.{csv,json}.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { boardDownload, boardDownloadParts, type DownloadFormat } from "../../../lib/downloads.ts";
import { downloadFileName } from "../../../lib/urls.ts";
import { currentRelease } from "../../../lib/release.ts";
import { BoardIdSchema, type BoardId } from "../../../schemas/board.ts";

const FORMATS = ["csv", "json"] as const satisfies readonly DownloadFormat[];

interface Props {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly format: DownloadFormat;
  readonly part: number | null;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.flatMap((board) =>
      boardDownloadParts(b.id, board, currentRelease().id).flatMap((part) =>
        FORMATS.map((format) => ({ params: { benchmark: b.id, file: downloadFileName(board, format, part) }, props: { benchmarkId: b.id, board, format, part } satisfies Props })),
      ),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => boardDownload(props.benchmarkId, props.board, props.format, currentRelease().id, props.part);
