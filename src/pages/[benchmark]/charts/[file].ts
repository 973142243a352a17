/**
 * A board's chart data, /<benchmark>/charts/<board>.json: written once per board and fetched by the entry pages'
 * chart islands, so that an entry page's size does not grow with its board.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { loadBoard } from "../../../lib/boards.ts";
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
  new Response(JSON.stringify(boardChart(loadBoard(props.benchmarkId, props.board))), {
    headers: { "Content-Type": "application/json" },
  });
