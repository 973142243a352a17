/**
 * A board's chart data, /<benchmark>/charts/<board>.json: written once per board and fetched by the entry pages'
 * chart islands, so that an entry page's size does not grow with its board. Written from the board's summary, which
 * keeps the overall scope's bars for the whole build (its view is read only if no route has read it yet).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { boardSummary } from "../../../lib/boards.ts";
import { boardChart } from "../../../lib/chart-data.ts";
import { BoardIdSchema, type BoardId } from "../../../schemas/board.ts";

interface Props {
  readonly benchmarkId: string;
  readonly board: BoardId;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.map((board) => ({ params: { benchmark: b.id, file: `${board}.json` }, props: { benchmarkId: b.id, board } satisfies Props })),
  );

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(boardChart(props.benchmarkId, props.board, boardSummary(props.benchmarkId, props.board, "overall"))), {
    headers: { "Content-Type": "application/json" },
  });
