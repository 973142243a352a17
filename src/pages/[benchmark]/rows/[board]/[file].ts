/**
 * One chunk of a board's rows, /<benchmark>/rows/<board>/<dimension>-<n>.json: every row of a board longer than
 * its page's first rows, formatted once (src/lib/board-rows.ts) and cut so that no file passes about 1 MB. The board
 * page fetches them when the reader needs more than the rows it ships.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { pagedBoard } from "../../../../lib/board-rows.ts";
import { loadBoard } from "../../../../lib/boards.ts";
import type { BoardRowChunk, BoardRowShape } from "../../../../lib/shared/board-rows.ts";
import { BoardIdSchema } from "../../../../schemas/board.ts";

interface Props {
  readonly rows: readonly BoardRowShape[];
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    ["overall", ...listDimensions(b.id).map((d) => d.id)].flatMap((dimension) =>
      BoardIdSchema.options.flatMap((board) =>
        pagedBoard(loadBoard(b.id, board, dimension)).chunks.map((rows, i) => ({
          params: { benchmark: b.id, board, file: `${dimension}-${i}.json` },
          props: { rows } satisfies Props,
        })),
      ),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify({ rows: props.rows } satisfies BoardRowChunk), { headers: { "Content-Type": "application/json" } });
