/**
 * One chunk of a board's rows, /<benchmark>/rows/<board>/<dimension>-<n>.json: every row of a board longer than
 * its page's first rows, formatted once (src/lib/board-rows.ts) and cut so that no file passes about 1 MB. The board
 * page fetches them when the reader needs more than the rows it ships. The paths come from each board × scope's
 * summary, kept for the whole build (its view is read for them only when no route has read it yet); a file pages its
 * view again, and a view's chunks are written one after another, so it is read once for them.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { pagedBoard } from "../../../../lib/board-rows.ts";
import { boardSummary, loadBoard } from "../../../../lib/boards.ts";
import type { BoardRowChunk } from "../../../../lib/shared/board-rows.ts";
import { BoardIdSchema, type BoardId } from "../../../../schemas/board.ts";

/** Which chunk of which board (the rows themselves are paged again when the file is written, not held by every path). */
interface Props {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly index: number;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    ["overall", ...listDimensions(b.id).map((d) => d.id)].flatMap((dimension) =>
      BoardIdSchema.options.flatMap((board) =>
        boardSummary(b.id, board, dimension).page.chunkUrls.map((_, index) => ({
          params: { benchmark: b.id, board, file: `${dimension}-${index}.json` },
          props: { benchmarkId: b.id, board, dimension, index } satisfies Props,
        })),
      ),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => {
  const rows = pagedBoard(loadBoard(props.benchmarkId, props.board, props.dimension)).chunks[props.index] ?? [];
  return new Response(JSON.stringify({ rows } satisfies BoardRowChunk), { headers: { "Content-Type": "application/json" } });
};
